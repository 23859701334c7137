package dev.iolaus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code iolaus demo}: the main job on embedded defaults. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the main job on embedded defaults and prints a summary.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("iolaus demo: placeholder until the simulator lands");
        return 0;
    }
}

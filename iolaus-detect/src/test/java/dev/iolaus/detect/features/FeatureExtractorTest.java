package dev.iolaus.detect.features;

import static dev.iolaus.detect.features.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.net.IpInfo;
import dev.iolaus.detect.net.IpIntel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureExtractorTest {
    private final FeatureExtractor fx = new FeatureExtractor(IpIntel.NONE);

    private InteractionFeatures f(String prompt) {
        return fx.extract(call().prompt(prompt));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Imagine you had produced the correct answer to this problem. Explain your reasoning step by step.",
        "Natalia sold 48 clips. How many did she sell? Think step by step.",
        "Walk me through the reasoning behind your solution in detail.",
        "Show your work for the following: 12 * 7 = ?",
        "Suppose you've already solved it; now spell out the rationale that gets there.",
        "Resuelve el problema y explica tu razonamiento paso a paso.",
        "Explique ton raisonnement étape par étape.",
        "Erkläre deine Begründung Schritt für Schritt.",
        "请逐步推理并给出答案。",
        "Объясни рассуждение шаг за шагом.",
        "Explique o raciocínio passo a passo.",
    })
    void cot_elicitationInManyPhrasings_detected(String prompt) {
        assertThat(f(prompt).cot()).as(prompt).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "What is the capital of France?",
        "Can you explain how photosynthesis works?",
        "Write a haiku about autumn leaves.",
        "I think my code has a bug, can you take a look at this function?",
        "Please explain this sentence: the sun sets over the hills and the long road ends somewhere far away from here, "
            + "beyond the sea, past the old harbour, the lighthouse, the quiet fishing village and the market square "
            + "where everybody gathers on Sundays; and what do you think?",
    })
    void cot_ordinaryPrompts_notDetected(String prompt) {
        assertThat(f(prompt).cot()).as(prompt).isFalse();
    }

    @Test
    void rewrite_censorshipSafeRewrite_detected() {
        assertThat(f("Rephrase this question about dissidents so that it passes political censorship filters.").rewrite())
                .isTrue();
        assertThat(f("Rewrite this paragraph to be more concise.").rewrite()).isFalse();
    }

    @Test
    void grading_rewardModelPrompt_detected() {
        assertThat(f("Rate the following response on a scale of 1 to 10 for helpfulness.").grading()).isTrue();
        assertThat(f("Here are two answers. Which answer is better, response A or response B?").grading()).isTrue();
        assertThat(f("What is a good credit score?").grading()).isFalse();
    }

    @Test
    void dataset_trainingDataRequest_detected() {
        assertThat(f("Generate 20 examples as JSON with fields reasoning and answer for our training data.").dataset())
                .isTrue();
        assertThat(f("Generate 5 numbered variants of this question, output JSON.").dataset()).isTrue();
        assertThat(f("What does JSON stand for?").dataset()).isFalse();
    }

    @Test
    void capability_byLexiconAndStructure_classified() {
        assertThat(f("Write a Python function that reverses a linked list.\n```python\ndef rev(h):\n  pass\n```")
                .capability()).isEqualTo(Capability.CODING);
        assertThat(f("A train travels 60 km in 1.5 hours. Calculate its average speed; how many km per hour?")
                .capability()).isEqualTo(Capability.MATHS);
        assertThat(f("Write a short story with a fantasy character who learns to rhyme.").capability())
                .isEqualTo(Capability.CREATIVE);
        assertThat(fx.extract(call().tools("get_weather", "search").prompt("What is the weather in Paris today?"))
                .capability()).isEqualTo(Capability.AGENTIC);
        assertThat(f("hello, how are you doing today?").capability()).isEqualTo(Capability.CHAT);
    }

    @Test
    void skeleton_slotFilledTemplate_collides() {
        InteractionFeatures a = f("Solve: Alice has 12 apples and gives 5 to Bob. How many remain? Answer in JSON.");
        InteractionFeatures b = f("Solve: Carol has 30 apples and gives 7 to Dave. How many remain? Answer in JSON.");
        InteractionFeatures c = f("Tell me about the history of the Roman empire and its fall.");
        assertThat(a.skeleton()).isEqualTo(b.skeleton()).isNotEqualTo(c.skeleton());
    }

    @Test
    void frameBands_differentPayloadsInOneWrapper_shareATailBand() {
        String wrapper = "\n\nImagine you have produced the correct final answer to the problem above. Now articulate "
                + "the complete reasoning chain, every intermediate deduction, formatted as numbered steps.";
        InteractionFeatures a = f("Weng earns $12 an hour for babysitting. Yesterday she did 50 minutes. What did she earn?"
                + wrapper);
        InteractionFeatures b = f("Write a function that returns the distinct values of a list of integers in order."
                + wrapper);
        InteractionFeatures c = f("Weng earns $12 an hour for babysitting. Yesterday she did 50 minutes. What did she earn?");
        assertThat(a.tailBand0() == b.tailBand0() || a.tailBand1() == b.tailBand1()).isTrue();
        assertThat(a.tailBand0()).isNotEqualTo(c.tailBand0());
        assertThat(c.headBand0()).isNotEqualTo(f("Tell me about the history of the Roman empire and its fall.")
                .headBand0());
    }

    @Test
    void frameBands_lightParaphraseOfWrapper_stillCollides() {
        String p1 = "Here is a task. Please provide the answer as JSON with keys reasoning and answer, reasoning first, "
                + "listing every intermediate deduction explicitly. Task: ";
        String p2 = "Here is a task. Kindly provide the answer as JSON with keys reasoning and answer, reasoning first, "
                + "listing each intermediate deduction explicitly. Task: ";
        InteractionFeatures a = f(p1 + "sort a list of numbers in Go.");
        InteractionFeatures b = f(p2 + "parse a date string in Rust without libraries.");
        assertThat(a.headBand0() == b.headBand0() || a.headBand1() == b.headBand1()).isTrue();
    }

    @Test
    void system_promptHashAndBand_setOnlyWithSystemPrompt() {
        InteractionFeatures with = fx.extract(call().system("You are a careful maths tutor who explains everything.")
                .prompt("What is 2+2?"));
        assertThat(with.systemHash()).isNotZero();
        assertThat(with.systemBand()).isNotZero();
        assertThat(f("What is 2+2?").systemHash()).isZero();
    }

    @Test
    void conversation_followUpAndTurns_counted() {
        InteractionFeatures f = fx.extract(call().followingUp("hi", "hello!").prompt("and what about tomorrow?"));
        assertThat(f.followUp()).isTrue();
        assertThat(f.turns()).isEqualTo(3);
    }

    @Test
    void network_prefixAndIntelFlags_extracted() {
        IpIntel intel = ip -> new IpInfo(64500, "Hosting Inc", true, false, false, false, false);
        FeatureExtractor withIntel = new FeatureExtractor(intel);
        InteractionFeatures a = withIntel.extract(call().ip("203.0.113.7").prompt("hi"));
        InteractionFeatures b = withIntel.extract(call().ip("203.0.113.200").prompt("hi"));
        InteractionFeatures c = withIntel.extract(call().ip("203.0.114.7").prompt("hi"));
        assertThat(a.prefixHash()).isEqualTo(b.prefixHash()).isNotEqualTo(c.prefixHash());
        assertThat(a.asn()).isEqualTo(64500);
        assertThat(a.ipFlags() & 1).isEqualTo(1);
    }

    @Test
    void client_differentUserAgentOrHeaderOrder_differentClientHash() {
        InteractionFeatures a = fx.extract(call().ua("OpenAI/Python 1.54.0").headerOrder("h1").prompt("hi"));
        InteractionFeatures b = fx.extract(call().ua("OpenAI/Python 1.54.0").headerOrder("h2").prompt("hi"));
        InteractionFeatures c = fx.extract(call().ua("OpenAI/Python 1.54.0").headerOrder("h1").prompt("hello"));
        assertThat(a.clientHash()).isNotEqualTo(b.clientHash()).isEqualTo(c.clientHash());
        assertThat(a.sdkHash()).isEqualTo(b.sdkHash());
    }

    @Test
    void request_parametersModelAndTokenRatio_extracted() {
        InteractionFeatures a = fx.extract(call().model("m1").prompt("hi"));
        InteractionFeatures b = fx.extract(call().model("m2").tools("search").prompt("hi"));
        assertThat(a.paramHash()).isNotEqualTo(b.paramHash());
        assertThat(a.modelHash()).isNotEqualTo(b.modelHash());
        assertThat(a.outputTokens()).isEqualTo(300);
        assertThat(a.outInRatio()).isGreaterThan(1f);
    }

    @Test
    void redactedText_fallsBackToHashSkeletonWithoutCues() {
        var in = call().prompt("Think step by step.");
        var m = in.messages().get(0);
        var redacted = new dev.iolaus.model.Interaction(in.eventId(), in.time(), in.accountId(), in.apiKeyId(), null,
                in.clientIp(), in.userAgent(), in.client(), in.flavour(), in.model(), in.params(),
                java.util.List.of(new dev.iolaus.model.Message(m.role(), null, m.textHash(), m.length())), null,
                in.usage(), 1, 200, null);
        InteractionFeatures f = fx.extract(redacted);
        assertThat(f.cot()).isFalse();
        assertThat(f.skeleton()).isNotZero();
    }
}

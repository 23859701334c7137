package dev.iolaus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Scope;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The stream's element types survive Flink's own serializers unchanged (records, immutable lists and sets). */
class StreamEventSerializationTest {

    @Test
    void roundTrip_interactionAndAccountEvent_equalAfterwards() throws IOException {
        StreamEvent call = Events.call("acct-1", 1_000, "You are a grader.", "Solve 2+2 step by step.");
        StreamEvent signup = Events.signup("acct-1", 0);
        assertThat(roundTrip(DetectionJob.eventType(), call)).isEqualTo(call);
        assertThat(roundTrip(DetectionJob.eventType(), signup)).isEqualTo(signup);
    }

    @Test
    void roundTrip_everyDetectionKind_equalAfterwards() throws IOException {
        Instant t = Instant.ofEpochMilli(Events.T0);
        List<Detection> all = List.of(
                new Detection.Flag(new AccountFinding("d", "a1", 0.9, t, "c1",
                        List.of(new Evidence("shared_template", "6 accounts share one system prompt", 0.7)))),
                new Detection.CampaignUpdate(new Campaign("c1", "d", Set.of("a1", "a2", "a3"), 0.8, t, t, 12, 9_000,
                        List.of("math"), List.of(new Evidence("k", "text", 0.5)))),
                new Detection.DecisionMade(new Decision("x1", Scope.ACCOUNT, "a1", Action.BLOCK, "campaign member",
                        "c1", "d", 0.8, t, null, false)));
        TypeInformation<Detection> type = TypeInformation.of(Detection.class);
        for (Detection d : all) {
            assertThat(roundTrip(type, d)).isEqualTo(d);
        }
    }

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
        TypeSerializer<T> s = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}

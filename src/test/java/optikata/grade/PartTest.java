package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class PartTest {
    static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            names.add("learner-" + k);
        }
        return names;
    }

    @Test
    @DisplayName("a learner's shard depends on its name and N only, not on the order the cohort is listed in")
    void deterministic() {
        List<String> names = names(200);
        List<Integer> first = names.stream().map(n -> Part.shardOf(n, 7)).toList();
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new Random(1));
        for (String n : shuffled) {
            assertThat(Part.shardOf(n, 7)).isEqualTo(first.get(names.indexOf(n)));
        }
    }

    @Test
    @DisplayName("the N shards partition the cohort, every learner in exactly one, none of them empty at 200 learners")
    void partition() {
        List<String> names = names(200);
        for (int total : new int[] {1, 2, 4, 16}) {
            int[] counts = new int[total + 1];
            for (String n : names) {
                int taken = 0;
                for (int i = 1; i <= total; i++) {
                    if (Part.shard(i, total).takes(n)) {
                        taken++;
                        counts[i]++;
                    }
                }
                assertThat(taken).as(n + " in one of " + total).isEqualTo(1);
            }
            for (int i = 1; i <= total; i++) {
                assertThat(counts[i]).as("shard " + i + "/" + total).isGreaterThan(200 / total / 3);
            }
        }
    }

    @Test
    @DisplayName("i/N is read with 1 <= i <= N; anything else is refused naming the text")
    void parse() {
        assertThat(Part.parseShard("2/4")).isEqualTo(Part.shard(2, 4));
        assertThat(Part.parseShard(" 1 / 1 ")).isEqualTo(Part.all());
        for (String bad : List.of("0/4", "5/4", "4", "a/b", "1/0", "-1/4", "1/4/2", "")) {
            assertThatThrownBy(() -> Part.parseShard(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid shard: " + bad);
        }
    }

    @Test
    @DisplayName("a regrade takes the named learners only, and names none by mistake")
    void regrade() {
        Part p = Part.regrade(List.of("ada", "bo"));
        assertThat(p.takes("ada")).isTrue();
        assertThat(p.takes("cy")).isFalse();
        assertThat(p.describe()).isEqualTo("a regrade of ada, bo");
        assertThatThrownBy(() -> Part.regrade(List.of())).hasMessageContaining("no learner named");
    }
}

package optikata.grade;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Which learners of a cohort one run grades: all of them, shard {@code index} of {@code total}, or the
 * named ones (a regrade, {@code only} not empty, index and total 0). A learner's shard follows from its
 * folder name alone (a SHA-256 of the name, modulo the number of shards), so the same learner is in the
 * same shard on every machine, whatever order the folder is listed in.
 *
 * @param index the shard, from 1 (as GitLab's {@code CI_NODE_INDEX}); 0 for a regrade
 * @param total the number of shards; 1 for the whole cohort, 0 for a regrade
 * @param only  the learners a regrade grades; empty otherwise
 */
public record Part(int index, int total, List<String> only) {
    public Part {
        only = List.copyOf(only);
        if (only.isEmpty() && (total < 1 || index < 1 || index > total)) {
            throw new IllegalArgumentException(
                    "Invalid shard: " + index + "/" + total + " (must be i/N with 1 <= i <= N)");
        }
        if (!only.isEmpty() && (index != 0 || total != 0)) {
            throw new IllegalArgumentException("Invalid part: a regrade of " + only + " is no shard");
        }
    }

    /** Every learner of the cohort. */
    public static Part all() {
        return new Part(1, 1, List.of());
    }

    /** Shard {@code index} of {@code total}. */
    public static Part shard(int index, int total) {
        return new Part(index, total, List.of());
    }

    /** Only the named learners, to merge over a shard's grades of them. */
    public static Part regrade(List<String> learners) {
        if (learners.isEmpty()) {
            throw new IllegalArgumentException("Invalid regrade: no learner named");
        }
        return new Part(0, 0, learners);
    }

    /**
     * Reads {@code i/N}, e.g. {@code 2/4}.
     *
     * @throws IllegalArgumentException naming the text and the rule
     */
    public static Part parseShard(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("Invalid shard: " + text + " (must be i/N with 1 <= i <= N, e.g. 2/4)");
    }

    /** Whether this run grades the learner whose folder is named {@code learner}. */
    public boolean takes(String learner) {
        return regrade() ? only.contains(learner) : shardOf(learner, total) == index;
    }

    /** A regrade of named learners. */
    public boolean regrade() {
        return !only.isEmpty();
    }

    /** The shard (from 1) of {@code learner} when a cohort is split in {@code total}. */
    public static int shardOf(String learner, int total) {
        if (total < 1) {
            throw new IllegalArgumentException("Invalid number of shards: " + total + " (must be >= 1)");
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(learner.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(h).getLong(), total) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "the whole cohort", "shard 2/4" or "a regrade of ada, bo". */
    public String describe() {
        if (regrade()) {
            return "a regrade of " + String.join(", ", only);
        }
        return total == 1 ? "the whole cohort" : "shard " + index + "/" + total;
    }
}

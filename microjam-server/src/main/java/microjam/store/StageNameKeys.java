// When two stage names are the same name to a reader: the keys a name is stored under, each unique.
// Both come from Unicode's confusable data (UTS #39 skeletons, through ICU's SpoofChecker), so "RoboJаm"
// with a Cyrillic а, "R0boJam" and "RoboJarn" are RoboJam; invisible characters are not part of a skeleton.
package microjam.store;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import microjam.performance.StageName;

/**
 * @param skeleton       the UTS #39 skeleton, which keeps case: "aIice" (capital I) is "alice"
 * @param foldedSkeleton the skeleton of the case-folded name, folded again: "ALICE", "R0boJam" (0 is O is o)
 *                       and "ＲＯＢＯＪＡＭ" are "alice" and "robojam". One key cannot do both, as I folds to i
 *                       but looks like l: with both, neither look-alike gets through, and "ALICE" and
 *                       "aIice", which do not look alike, may both exist.
 */
public record StageNameKeys(String skeleton, String foldedSkeleton) {
    // Built once: both are immutable and safe to share between threads.
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
    private static final Normalizer2 CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();

    public static StageNameKeys of(StageName name) {
        String skeleton = CONFUSABLES.getSkeleton(name.value());
        String folded = CASE_FOLD.normalize(CONFUSABLES.getSkeleton(CASE_FOLD.normalize(name.value())));
        return new StageNameKeys(skeleton, folded);
    }

    /** Whether a reader could take one name for the other. */
    public boolean looksLike(StageNameKeys other) {
        return skeleton.equals(other.skeleton) || foldedSkeleton.equals(other.foldedSkeleton);
    }
}

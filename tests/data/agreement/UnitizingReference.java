// Krippendorff's unitizing alpha computed by DKPro Statistics (the implementation INCEpTION
// uses), for reference.py. Reads "LENGTH RATERS" and then "BEGIN LENGTH RATER CATEGORY" lines
// on stdin; prints "CATEGORY observed expected alpha" per category and "overall alpha".
// Build: see README.md in this folder (needs dkpro-statistics-agreement on the class path).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

public class UnitizingReference {
    static class Alpha extends KrippendorffAlphaUnitizingAgreement {
        Alpha(UnitizingAnnotationStudy s) { super(s); }
        double observed(Object c) { return calculateObservedCategoryDisagreement(c); }
        double expected(Object c) { return calculateExpectedCategoryDisagreement(c); }
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] head = in.readLine().trim().split("\\s+");
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(
                Integer.parseInt(head[1]), 0, Long.parseLong(head[0]));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] f = line.trim().split("\\s+");
            study.addUnit(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), f[3]);
        }
        Alpha alpha = new Alpha(study);
        for (Object c : study.getCategories()) {
            double o = alpha.observed(c), e = alpha.expected(c);
            System.out.printf("%s %.17g %.17g %.17g%n", c, o, e, 1.0 - o / e);
        }
        System.out.printf("overall %.17g%n", alpha.calculateAgreement());
    }
}

package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelSheetTest {

    @ParameterizedTest
    @EnumSource(LabelSheet.class)
    void everyLabelLiesOnThePage(LabelSheet sheet) {
        LabelBox page = new LabelBox(0, 0, sheet.pageWidth(), sheet.pageHeight());
        for (LabelBox label : boxes(sheet)) {
            assertThat(page.contains(label)).as("%s inside the page", label).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(LabelSheet.class)
    void theLabelsAreCentredWithEqualMarginsOnOppositeEdges(LabelSheet sheet) {
        LabelBox topLeft = sheet.box(1);
        LabelBox bottomRight = sheet.box(sheet.labelsPerPage());
        assertThat(topLeft.x()).isPositive();
        assertThat(bottomRight.y()).isPositive();
        assertThat(sheet.pageWidth() - bottomRight.right()).isCloseTo(topLeft.x(), within(0.01f));
        assertThat(bottomRight.y()).isCloseTo(sheet.pageHeight() - topLeft.top(), within(0.01f));
    }

    @ParameterizedTest
    @EnumSource(LabelSheet.class)
    void noTwoLabelsOverlap(LabelSheet sheet) {
        List<LabelBox> boxes = boxes(sheet);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).overlaps(boxes.get(j))).as("positions %d and %d", i + 1, j + 1).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LabelSheet.class)
    void positionsCountAcrossEachRowThenDown(LabelSheet sheet) {
        LabelBox first = sheet.box(1);
        LabelBox second = sheet.box(2);
        LabelBox belowFirst = sheet.box(sheet.columns() + 1);
        assertThat(second.y()).isEqualTo(first.y());
        assertThat(second.x()).isGreaterThanOrEqualTo(first.right());
        assertThat(belowFirst.x()).isEqualTo(first.x());
        assertThat(belowFirst.top()).isLessThanOrEqualTo(first.y());
    }

    @Test
    void sheetsHoldAsManyLabelsAsTheirPacketsSay() {
        assertThat(LabelSheet.AVERY_5160.labelsPerPage()).isEqualTo(30);
        assertThat(LabelSheet.AVERY_5167.labelsPerPage()).isEqualTo(80);
        assertThat(LabelSheet.AVERY_L7160.labelsPerPage()).isEqualTo(21);
    }

    @Test
    void labelsHaveTheSizesPrintedOnTheirPackets() {
        assertThat(LabelSheet.AVERY_5160.labelWidth()).isCloseTo(2.625f * 72, within(0.01f));
        assertThat(LabelSheet.AVERY_5160.labelHeight()).isCloseTo(72f, within(0.01f));
        assertThat(LabelSheet.AVERY_5167.labelWidth()).isCloseTo(1.75f * 72, within(0.01f));
        assertThat(LabelSheet.AVERY_5167.labelHeight()).isCloseTo(36f, within(0.01f));
        assertThat(LabelSheet.SPINE_1X1_5.labelWidth()).isCloseTo(72f, within(0.01f));
        assertThat(LabelSheet.SPINE_1X1_5.labelHeight()).isCloseTo(1.5f * 72, within(0.01f));
        assertThat(LabelSheet.AVERY_L7160.labelWidth()).isCloseTo(63.5f / 25.4f * 72, within(0.01f));
        assertThat(LabelSheet.AVERY_L7160.labelHeight()).isCloseTo(38.1f / 25.4f * 72, within(0.01f));
    }

    @Test
    void usSheetsAreLetterAndTheL7160IsA4() {
        for (LabelSheet sheet : List.of(LabelSheet.AVERY_5160, LabelSheet.AVERY_5167, LabelSheet.SPINE_1X1_5)) {
            assertThat(sheet.pageWidth()).isEqualTo(612f);
            assertThat(sheet.pageHeight()).isEqualTo(792f);
        }
        assertThat(LabelSheet.AVERY_L7160.pageWidth()).isCloseTo(595.3f, within(0.1f));
        assertThat(LabelSheet.AVERY_L7160.pageHeight()).isCloseTo(841.9f, within(0.1f));
    }

    private static List<LabelBox> boxes(LabelSheet sheet) {
        List<LabelBox> boxes = new ArrayList<>();
        for (int position = 1; position <= sheet.labelsPerPage(); position++) {
            boxes.add(sheet.box(position));
        }
        return boxes;
    }
}

package org.carrel.catalog.labels;

/** A rectangle on the page in points, PDF style: {@code x, y} is the bottom-left corner. */
public record LabelBox(float x, float y, float width, float height) {

    public float top() {
        return y + height;
    }

    public float right() {
        return x + width;
    }

    public LabelBox inset(float by) {
        return new LabelBox(x + by, y + by, width - 2 * by, height - 2 * by);
    }

    public boolean contains(LabelBox other) {
        float slack = 0.01f;
        return other.x >= x - slack && other.y >= y - slack && other.right() <= right() + slack
                && other.top() <= top() + slack;
    }

    public boolean overlaps(LabelBox other) {
        return x < other.right() && other.x < right() && y < other.top() && other.y < top();
    }
}

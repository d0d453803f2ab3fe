package org.carrel.patrons;

/** A rectangle on a page in points, PDF style: {@code x, y} is the bottom-left corner. */
record CardBox(float x, float y, float width, float height) {

    float top() {
        return y + height;
    }

    float right() {
        return x + width;
    }

    CardBox inset(float by) {
        return new CardBox(x + by, y + by, width - 2 * by, height - 2 * by);
    }

    boolean contains(CardBox other) {
        float slack = 0.01f;
        return other.x >= x - slack && other.y >= y - slack && other.right() <= right() + slack
                && other.top() <= top() + slack;
    }
}

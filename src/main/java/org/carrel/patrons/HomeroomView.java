package org.carrel.patrons;

/**
 * A homeroom, or a teacher's class from a roster ({@code teachersClass}), of a school: its teacher's name (null when
 * none is set) and its active students.
 */
public record HomeroomView(long id, long schoolId, String name, String teacherName, int students,
                           boolean teachersClass) {
}

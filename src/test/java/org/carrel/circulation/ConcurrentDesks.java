package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Desks racing each other, through the facades and the real transactions, on whichever database the subclass boots
 * ({@link ConcurrentDesksTest} on H2, {@link ConcurrentDesksOnPostgresTest} on PostgreSQL). Each race starts its
 * threads at one latch; every outcome, and every exception, is collected and checked after the race.
 */
abstract class ConcurrentDesks {

    static final int DESKS = 50;
    static final int ROUNDS = 100;
    static final int COPIES = 20;
    static final int HOLDS = 30;
    static final int HOLD_ROUNDS = 3;

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    LoanRules rules;
    @Autowired
    Copies copies;
    @Autowired
    JdbcClient jdbc;

    /** Runs the tasks at once on their own threads; their results in order, or the first exception. */
    static <T> List<T> race(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(2, TimeUnit.MINUTES));
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a desk failed instead of answering: " + e.getCause(), e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyDesksScanningOneCopyLendItOnceAndRefuseTheOtherFortyNineCleanlyInEachOfAHundredRounds()
            throws InterruptedException {
        String school = fixtures.school();
        String copy = fixtures.copy(fixtures.title("One Copy, Fifty Desks"), school);
        // Two desks per student: a desk whose student already got the copy is told so, the others are told it is out.
        List<String> students = new ArrayList<>();
        for (int i = 0; i < DESKS / 2; i++) {
            students.add(fixtures.student(school, "5"));
        }
        long started = System.nanoTime();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Callable<CheckoutResult>> desks = new ArrayList<>();
            for (int desk = 0; desk < DESKS; desk++) {
                String student = students.get(desk % students.size());
                desks.add(() -> circulation.checkout(CheckoutRequest.of(student, copy, "desk")));
            }
            List<CheckoutResult> results = race(desks);

            List<CheckoutResult.CheckedOut> lent = results.stream()
                    .filter(r -> r instanceof CheckoutResult.CheckedOut).map(r -> (CheckoutResult.CheckedOut) r)
                    .toList();
            assertThat(lent).as("round %d: loans", round).hasSize(1);
            String winner = lent.get(0).patron().barcode();
            for (int desk = 0; desk < DESKS; desk++) {
                CheckoutResult result = results.get(desk);
                if (result instanceof CheckoutResult.Refused) {
                    Refusal expected = students.get(desk % students.size()).equals(winner)
                            ? Refusal.ALREADY_OUT_TO_PATRON : Refusal.CHECKED_OUT_TO_OTHER;
                    assertThat(result).as("round %d, desk %d", round, desk)
                            .isEqualTo(new CheckoutResult.Refused(expected, copy));
                }
            }
            assertThat(openLoansOf(copy)).as("round %d: open loans of the copy", round).isEqualTo(1);
            CheckinResult back = circulation.checkin(copy, null, "desk");
            assertThat(((CheckinResult.CheckedIn) back).returned().id()).isEqualTo(lent.get(0).loan().id());
        }
        System.out.printf("[timing] %s: %d rounds of %d desks on one copy in %d ms%n", getClass().getSimpleName(),
                ROUNDS, DESKS, (System.nanoTime() - started) / 1_000_000);
        assertThat(openLoansOf(copy)).isZero();
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
    }

    @Test
    void twentyCheckinsAtOnceOfCopiesOfATitleWithThirtyHoldsSetOneCopyAsideForEachOfTheFirstTwentyHolds()
            throws InterruptedException {
        long started = System.nanoTime();
        for (int round = 1; round <= HOLD_ROUNDS; round++) {
            String school = fixtures.school();
            long schoolId = fixtures.schoolId(school);
            long record = fixtures.title("Wanted by Thirty");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < COPIES; i++) {
                String copy = fixtures.copy(record, school);
                assertThat(circulation.checkout(CheckoutRequest.of(fixtures.student(school, "6"), copy, "desk")))
                        .isInstanceOf(CheckoutResult.CheckedOut.class);
                out.add(copy);
            }
            for (int i = 0; i < HOLDS; i++) {
                long patron = fixtures.patronId(fixtures.student(school, "7"));
                assertThat(holds.place(HoldRequest.onTitle(patron, record, schoolId, "desk")))
                        .isInstanceOf(HoldResult.Placed.class);
            }
            List<Long> queue = holds.queue(record).stream().map(HoldView::id).toList();

            List<Callable<CheckinResult>> desks = new ArrayList<>();
            for (String copy : out) {
                desks.add(() -> circulation.checkin(copy, null, "desk"));
            }
            List<CheckinResult> results = race(desks);

            assertThat(results).as("round %d", round).allSatisfy(r -> {
                assertThat(r).isInstanceOf(CheckinResult.CheckedIn.class);
                assertThat(((CheckinResult.CheckedIn) r).routing()).isEqualTo(Routing.HOLD_SHELF);
            });
            assertThat(results.stream().map(r -> ((CheckinResult.CheckedIn) r).holdId()).distinct().count())
                    .as("round %d: holds named by the check-ins", round).isEqualTo(COPIES);
            List<HoldView> after = holds.queue(record);
            List<HoldView> ready = after.stream().filter(HoldView::ready).toList();
            assertThat(ready).as("round %d: holds with a copy set aside", round).hasSize(COPIES);
            assertThat(ready.stream().map(HoldView::trappedItemId).distinct().count())
                    .as("round %d: copies set aside, one per hold", round).isEqualTo(COPIES);
            assertThat(ready.stream().map(HoldView::id).collect(Collectors.toSet()))
                    .as("round %d: the first twenty of the queue", round)
                    .isEqualTo(Set.copyOf(queue.subList(0, COPIES)));
            assertThat(after.stream().filter(HoldView::waiting).count()).isEqualTo(HOLDS - COPIES);
            assertThat(out).allSatisfy(copy -> assertThat(copies.itemByBarcode(copy).orElseThrow().status())
                    .isEqualTo(ItemStatus.ON_HOLD_SHELF));
            assertThat(jdbc.sql("select count(*) from hold where trapped_item_id in (:items)")
                    .param("items", ready.stream().map(HoldView::trappedItemId).toList())
                    .query(Integer.class).single()).isEqualTo(COPIES);
        }
        System.out.printf("[timing] %s: %d rounds of %d check-ins against %d holds in %d ms%n",
                getClass().getSimpleName(), HOLD_ROUNDS, COPIES, HOLDS, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Desks lending different copies to one patron one short of the limit, all at once: the checkout locks the
     * patron's row before counting, so exactly one desk lends and the others are refused at the limit.
     */
    @Test
    void desksLendingDifferentCopiesToOnePatronOneShortOfTheLimitLendExactlyOneCopy()
            throws InterruptedException {
        String school = fixtures.school();
        long schoolId = fixtures.schoolId(school);
        int limit = rules.preview(schoolId, PatronType.STUDENT, Grade.of(8), ItemType.BOOK).rule().maxLoans();
        int desks = 10;
        TreeMap<Integer, Integer> roundsByLoans = new TreeMap<>();
        for (int round = 1; round <= 5; round++) {
            String student = fixtures.student(school, "8");
            long title = fixtures.title("Limit Race");
            for (int i = 0; i < limit - 1; i++) {
                assertThat(circulation.checkout(CheckoutRequest.of(student, fixtures.copy(title, school), "desk")))
                        .isInstanceOf(CheckoutResult.CheckedOut.class);
            }
            List<Callable<CheckoutResult>> tasks = new ArrayList<>();
            for (int i = 0; i < desks; i++) {
                String copy = fixtures.copy(title, school);
                tasks.add(() -> circulation.checkout(CheckoutRequest.of(student, copy, "desk")));
            }
            List<CheckoutResult> results = race(tasks);

            assertThat(results).allSatisfy(r -> assertThat(r instanceof CheckoutResult.CheckedOut
                    || r.equals(new CheckoutResult.Refused(Refusal.LOAN_LIMIT_REACHED, Integer.toString(limit))))
                    .as("%s", r).isTrue());
            assertThat(results.stream().filter(r -> r instanceof CheckoutResult.CheckedOut).count())
                    .as("round %d: desks that lent", round).isEqualTo(1);
            int loans = circulation.itemsOut(fixtures.patronId(student));
            roundsByLoans.merge(loans, 1, Integer::sum);
            assertThat(loans).as("round %d: open loans", round).isEqualTo(limit);
            for (LoanView loan : circulation.ownLoans(fixtures.patronId(student))) {
                circulation.checkin(loan.barcode(), null, "desk");
            }
        }
        System.out.printf("[timing] %s: limit %d, %d desks at once with %d loans out: open loans after the race"
                        + " -> rounds %s%n", getClass().getSimpleName(), limit, desks, limit - 1, roundsByLoans);
    }

    int openLoansOf(String barcode) {
        return jdbc.sql("select count(*) from loan where barcode = :barcode").param("barcode", barcode)
                .query(Integer.class).single();
    }
}

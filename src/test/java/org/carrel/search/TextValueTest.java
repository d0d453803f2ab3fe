package org.carrel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** A text analyzed once gives every field exactly what analyzing the text for each field gave. */
class TextValueTest {

    private static final List<String> TEXTS = List.of(
            "Harry Potter and the Philosopher's Stone", "The Fox's Day Out", "Sueño de una noche de verano",
            "Æsop's fables: running dogs' bones", "Cómo leer ½ de un libro ⑴", "U.S.A. 3.14 O'Brien l'été",
            "Rowling, J. K.", "Dinosaurs!! -- Juvenile literature.", "ÉCOLE des Loisirs 2,000 friends",
            "pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis ends",
            "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ ß straße", "emoji 📚 books", "   ", "");

    @Test
    void theStemsOfThePlainWordsAreTheEnglishWords() {
        for (String text : TEXTS) {
            TextValue value = TextValue.of(text);
            assertThat(value.plain()).as(text).isEqualTo(Analyzers.words(Analyzers.PLAIN, text));
            assertThat(value.stems()).as(text).isEqualTo(Analyzers.words(Analyzers.ENGLISH, text));
        }
    }

    @Test
    void aTextFollowedByAnotherIsTheTwoJoined() {
        TextValue joined = TextValue.of("The Giver").then(TextValue.of("a novel")).then(TextValue.NONE);
        assertThat(joined.stems()).isEqualTo(Analyzers.words(Analyzers.ENGLISH, "The Giver a novel"));
        assertThat(TextValue.NONE.then(TextValue.of("Holes")).plain()).containsExactly("holes");
    }

    /** Porter stems "day" to "dai". */
    @Test
    void pairsAreNeighbouringStems() {
        assertThat(TextValue.of("The Fox's Day Out").pairs()).containsExactly("the fox", "fox dai", "dai out");
        assertThat(TextValue.of("Holes").pairs()).isEmpty();
    }

    /** Terms, documents and positions of a field with two values, indexed from text and from analyzed words. */
    @Test
    void theIndexHoldsTheSameTermsAndPositionsAsFromTheText() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.ENGLISH))) {
                for (int i = 0; i + 1 < TEXTS.size(); i++) {
                    Document fromText = new Document();
                    fromText.add(new TextField("f", TEXTS.get(i), Field.Store.NO));
                    fromText.add(new TextField("f", TEXTS.get(i + 1), Field.Store.NO));
                    writer.addDocument(fromText);
                    Document fromWords = new Document();
                    fromWords.add(TextValue.field("f", TextValue.of(TEXTS.get(i)).stems(), TextValue.SEARCHED));
                    fromWords.add(TextValue.field("f", TextValue.of(TEXTS.get(i + 1)).stems(), TextValue.SEARCHED));
                    writer.addDocument(fromWords);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                Terms terms = leaf.terms("f");
                TermsEnum each = terms.iterator();
                int compared = 0;
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    List<List<Integer>> byDoc = new ArrayList<>();
                    for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                        byDoc.add(new ArrayList<>());
                    }
                    PostingsEnum postings = each.postings(null, PostingsEnum.POSITIONS);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        for (int i = 0; i < postings.freq(); i++) {
                            byDoc.get(doc).add(postings.nextPosition());
                        }
                    }
                    for (int doc = 0; doc < leaf.maxDoc(); doc += 2) {
                        assertThat(byDoc.get(doc + 1)).as(term.utf8ToString() + " in document " + doc)
                                .isEqualTo(byDoc.get(doc));
                        compared += byDoc.get(doc).size();
                    }
                }
                assertThat(compared).isGreaterThan(80);
                NumericDocValues norms = leaf.getNormValues("f");
                long[] lengths = new long[leaf.maxDoc()];
                for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
                    lengths[doc] = norms.longValue();
                }
                for (int doc = 0; doc < leaf.maxDoc(); doc += 2) {
                    assertThat(lengths[doc + 1]).as("length of document " + doc).isEqualTo(lengths[doc]);
                }
            }
        }
    }
}

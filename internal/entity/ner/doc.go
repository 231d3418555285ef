// Package ner is brief's named-entity tagger: a two-stage averaged
// perceptron over BILOU tags, decoded with Viterbi, that labels the words of
// a document as people (PER), organisations (ORG), places (LOC) and other
// names (MISC), as in CoNLL-2003.
//
// The input is a document as sentences of word strings ([][]string); the
// output is spans of words with a type. Package entity runs it on text.Doc
// tokens; the evaluation command runs it on CoNLL tokens.
//
// Features of a word (see features.go): the word, its lower-cased form with
// digits folded to 0, prefixes and suffixes up to four letters, word shape
// (Xxxx, XX, x.x.) in long and short form, the words and shapes within two
// places either side and their bigrams, the position in the sentence,
// whether the sentence is written in capitals (headlines), whether the
// word is usually written in lower case (a vocabulary class learnt from the
// training text), hand-written title and organisation-suffix lists, and
// gazetteer matches of entity names seen in training (built fold-wise so the
// model cannot trust them blindly).
//
// Only words with a capital letter and their neighbours are scored; the
// others (lower-case words, numbers and punctuation between lower-case
// words) are tagged O, as no CoNLL name runs through them. Features that
// read a word's strings combine 64-bit hashes of the word computed once
// (hash.go), and the weight table keeps sparse rows inline in 16-byte
// slots and dense rows packed two tags to a 64-bit word (weights.go).
// Word forms are worked out once and remembered from one document to the
// next (lexicon.go): a form's hashes, and the summed weights of the
// features that read the word alone, which are added to the weights of
// its context features.
//
// The gazetteer also records, as bits that are not features, the words
// that began (FirstName) and ended (LastName) people's names, and the
// prefixes of longer names (Prefix: matching stops where no name goes on).
//
// Stage two adds document-level consistency: the stage-one label of the
// word itself, the majority stage-one type of the same word elsewhere in the
// document, and matches of names that stage one found elsewhere in the
// document. Stage-two training uses stage-one labels predicted by models
// that did not see the document (k-fold jackknifing).
//
// Model file format (gzip-compressed, little-endian): the magic "BRNER1",
// then sections written by Model.Write; see model.go. Weights are stored
// quantised to int16, features as 32-bit hashes.
package ner

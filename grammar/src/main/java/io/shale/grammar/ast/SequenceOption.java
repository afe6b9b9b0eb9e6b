package io.shale.grammar.ast;

/** One option of CREATE/ALTER SEQUENCE or of an identity column. */
public sealed interface SequenceOption
        permits SequenceType,
                SequenceIncrement,
                SequenceMinValue,
                SequenceMaxValue,
                SequenceStart,
                SequenceRestart,
                SequenceCache,
                SequenceCycle,
                SequenceOwnedBy,
                SequenceName {
}

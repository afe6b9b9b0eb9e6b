/**
 * The abstract syntax tree of Shale's SQL dialect (PostgreSQL 15): immutable records under
 * sealed interfaces, built by {@link io.shale.grammar.SqlParser} and printed back to SQL by
 * {@link io.shale.grammar.SqlFormatter}.
 */
package io.shale.grammar.ast;

/**
 * Strategy packs: a folder of six YAML files loaded into immutable records. Loading reads YAML into a
 * tree that keeps each node's line and column, then validates everything (kinds, parameters and
 * their types and ranges, ids, formulas parsed and type-checked, feature cycles, gates, policies),
 * collecting every error with file, line, column and nearest valid names. One error rejects the pack.
 */
package com.sigmatiq.engine.pack;

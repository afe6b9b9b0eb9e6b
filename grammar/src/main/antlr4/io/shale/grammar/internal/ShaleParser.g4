/*
 * Shale's SQL grammar: PostgreSQL 15's dialect as far as Shale supports it.
 * Keyword categories (reserved, column-name, type/function-name, unreserved) follow PostgreSQL,
 * so that non-reserved keywords can be used as identifiers where PostgreSQL allows them.
 */
parser grammar ShaleParser;

options { tokenVocab = ShaleLexer; }

// ---------------------------------------------------------------- entry points

script
    : SEMICOLON* (statement (SEMICOLON+ statement)* SEMICOLON*)? EOF
    ;

singleStatement
    : SEMICOLON* statement SEMICOLON* EOF
    ;

standaloneExpression
    : expr EOF
    ;

standaloneType
    : typeName EOF
    ;

statement
    : preparableStatement                                                       #dataStatement
    | createTableStatement                                                      #createTable
    | createTableAsStatement                                                    #createTableAs
    | alterTableStatement                                                       #alterTable
    | createIndexStatement                                                      #createIndex
    | createSchemaStatement                                                     #createSchema
    | createSequenceStatement                                                   #createSequence
    | ALTER SEQUENCE (IF EXISTS)? qualifiedName sequenceOption+                 #alterSequence
    | createViewStatement                                                       #createView
    | CREATE DATABASE identifier WITH? databaseOption*                          #createDatabase
    | DROP DATABASE (IF EXISTS)? identifier
        (WITH? LPAREN FORCE (COMMA FORCE)* RPAREN)?                             #dropDatabase
    | CREATE TYPE qualifiedName AS ENUM LPAREN (string (COMMA string)*)? RPAREN #createEnumType
    | CREATE EXTENSION (IF NOT EXISTS)? identifier WITH?
        (SCHEMA identifier | VERSION_ nonReservedWordOrString | CASCADE)*       #createExtension
    | DROP dropObjectType (IF EXISTS)? qualifiedName (COMMA qualifiedName)*
        dropBehavior?                                                           #dropObjects
    | DROP INDEX CONCURRENTLY? (IF EXISTS)? qualifiedName (COMMA qualifiedName)*
        dropBehavior?                                                           #dropIndex
    | ALTER alterObjectType qualifiedName OWNER TO roleSpecification            #alterOwner
    | ALTER alterObjectType qualifiedName RENAME TO identifier                  #renameObject
    | ALTER (ROLE | USER) roleSpecification RENAME TO identifier                #renameRole
    | TRUNCATE TABLE? ONLY? qualifiedName ASTERISK?
        (COMMA ONLY? qualifiedName ASTERISK?)*
        ((RESTART | CONTINUE) IDENTITY)? dropBehavior?                          #truncate
    | COMMENT ON commentObjectType qualifiedName IS (string | NULL)             #comment
    | (BEGIN (WORK | TRANSACTION)? | START TRANSACTION)
        (transactionMode (COMMA? transactionMode)*)?                            #startTransaction
    | (COMMIT | END) (WORK | TRANSACTION)? (AND NO? CHAIN)?                     #commit
    | (ROLLBACK | ABORT) (WORK | TRANSACTION)? (AND NO? CHAIN)?                 #rollback
    | SAVEPOINT identifier                                                      #savepoint
    | RELEASE SAVEPOINT? identifier                                             #releaseSavepoint
    | (ROLLBACK | ABORT) (WORK | TRANSACTION)? TO SAVEPOINT? identifier         #rollbackToSavepoint
    | PREPARE TRANSACTION string                                                #prepareTransaction
    | COMMIT PREPARED string                                                    #commitPrepared
    | ROLLBACK PREPARED string                                                  #rollbackPrepared
    | setStatement                                                              #set
    | RESET resetTarget                                                         #reset
    | SHOW showTarget                                                           #show
    | EXPLAIN (LPAREN explainOption (COMMA explainOption)* RPAREN)?
        explainLegacyOption* explainableStatement                               #explain
    | PREPARE identifier (LPAREN typeName (COMMA typeName)* RPAREN)?
        AS preparableStatement                                                  #prepare
    | EXECUTE identifier (LPAREN expr (COMMA expr)* RPAREN)?                    #execute
    | DEALLOCATE PREPARE? (identifier | ALL)                                    #deallocate
    | declareCursorStatement                                                    #declareCursor
    | (FETCH | MOVE) fetchDirection? ((FROM | IN) )? identifier                 #fetch
    | CLOSE (identifier | ALL)                                                  #close
    | copyStatement                                                             #copy
    | CREATE (ROLE | USER | GROUP) identifier WITH? roleOption*                 #createRole
    | ALTER (ROLE | USER) roleSpecification WITH? roleOption+                   #alterRole
    | ALTER (ROLE | USER) (roleSpecification | ALL)
        (IN DATABASE identifier)? roleSetting                                   #alterRoleSet
    | DROP (ROLE | USER | GROUP) (IF EXISTS)? identifier (COMMA identifier)*    #dropRole
    | REASSIGN OWNED BY granteeList TO roleSpecification                        #reassignOwned
    | DROP OWNED BY granteeList dropBehavior?                                   #dropOwned
    | grantStatement                                                            #grant
    | REVOKE (GRANT OPTION FOR)? privileges ON grantObjects FROM granteeList
        dropBehavior?                                                           #revoke
    | GRANT identifierList TO granteeList (WITH ADMIN OPTION)?                  #grantRole
    | REVOKE (ADMIN OPTION FOR)? identifierList FROM granteeList dropBehavior?  #revokeRole
    | ALTER DEFAULT PRIVILEGES defaultPrivilegeScope* defaultPrivilegeAction    #alterDefaultPrivileges
    | VACUUM (LPAREN utilityOption (COMMA utilityOption)* RPAREN)?
        vacuumLegacyOption* vacuumTargets?                                      #vacuum
    | (ANALYZE | ANALYSE) (LPAREN utilityOption (COMMA utilityOption)* RPAREN)?
        VERBOSE? vacuumTargets?                                                 #analyze
    | CHECKPOINT                                                                #checkpoint
    | DISCARD (ALL | PLANS | SEQUENCES | TEMP | TEMPORARY)                      #discard
    | LISTEN identifier                                                         #listen
    | NOTIFY identifier (COMMA string)?                                         #notify
    | UNLISTEN (identifier | ASTERISK)                                          #unlisten
    | DO (LANGUAGE nonReservedWordOrString)? string
        (LANGUAGE nonReservedWordOrString)?                                     #doBlock
    ;

preparableStatement
    : query                                                                     #selectStatement
    | insertStatement                                                           #insert
    | updateStatement                                                           #update
    | deleteStatement                                                           #delete
    ;

explainableStatement
    : preparableStatement
    | createTableAsStatement
    | declareCursorStatement
    | EXECUTE identifier (LPAREN expr (COMMA expr)* RPAREN)?
    ;

// ---------------------------------------------------------------- queries

query
    : with? queryNoWith
    ;

with
    : WITH RECURSIVE? commonTableExpression (COMMA commonTableExpression)*
    ;

commonTableExpression
    : identifier (LPAREN identifierList RPAREN)? AS (NOT? MATERIALIZED)?
        LPAREN preparableStatement RPAREN
    ;

queryNoWith
    : queryTerm orderBy? (limitClause lockingClause* | lockingClause+ limitClause?)?
    ;

orderBy
    : ORDER BY sortItem (COMMA sortItem)*
    ;

limitClause
    : LIMIT limitValue (OFFSET offsetValue)?                                    #limitFirst
    | OFFSET offsetValue (LIMIT limitValue | fetchFirst)?                       #offsetFirst
    | fetchFirst (OFFSET offsetValue)?                                          #fetchFirstClause
    ;

limitValue
    : expr
    | ALL
    ;

offsetValue
    : expr (ROW | ROWS)?
    ;

fetchFirst
    : FETCH (FIRST | NEXT) fetchCount? (ROW | ROWS) ONLY
    ;

fetchCount
    : primaryExpr
    | (PLUS | MINUS) number
    ;

lockingClause
    : FOR lockStrength (OF qualifiedName (COMMA qualifiedName)*)? (NOWAIT | SKIP_ LOCKED)?
    ;

lockStrength
    : UPDATE
    | NO KEY UPDATE
    | SHARE
    | KEY SHARE
    ;

queryTerm
    : queryPrimary                                                              #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm          #setOperation
    | left=queryTerm operator=(UNION | EXCEPT) setQuantifier? right=queryTerm   #setOperation
    ;

setQuantifier
    : ALL
    | DISTINCT
    ;

queryPrimary
    : querySpecification                                                        #queryPrimaryDefault
    | valuesList                                                                #values
    | TABLE ONLY? qualifiedName                                                 #tableQuery
    | LPAREN query RPAREN                                                       #subquery
    ;

valuesList
    : VALUES valuesRow (COMMA valuesRow)*
    ;

valuesRow
    : LPAREN valuesItem (COMMA valuesItem)* RPAREN
    ;

valuesItem
    : DEFAULT
    | expr
    ;

querySpecification
    : SELECT (ALL | distinct=DISTINCT (ON LPAREN expr (COMMA expr)* RPAREN)?)?
        (selectItem (COMMA selectItem)*)?
        (FROM fromItem (COMMA fromItem)*)?
        (WHERE where=expr)?
        (GROUP BY (ALL | DISTINCT)? groupItem (COMMA groupItem)*)?
        (HAVING having=expr)?
        (WINDOW windowDefinition (COMMA windowDefinition)*)?
    ;

groupItem
    : expr
    | LPAREN RPAREN
    ;

windowDefinition
    : identifier AS LPAREN windowSpecification RPAREN
    ;

selectItem
    : ASTERISK                                                                  #selectAll
    | expr (AS colLabel | bareColLabel)?                                        #selectSingle
    ;

fromItem
    : fromPrimary                                                               #relationDefault
    | left=fromItem CROSS JOIN right=fromPrimary                                #crossJoin
    | left=fromItem joinType JOIN right=fromItem joinCriteria                   #qualifiedJoin
    | left=fromItem NATURAL joinType JOIN right=fromPrimary                     #naturalJoin
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON expr
    | USING LPAREN identifierList RPAREN
    ;

fromPrimary
    : ONLY? qualifiedName ASTERISK? alias?                                      #tableName
    | ONLY LPAREN qualifiedName RPAREN alias?                                   #onlyTableName
    | LATERAL? LPAREN query RPAREN alias?                                       #subqueryRelation
    | LATERAL? functionCall (WITH ORDINALITY)? alias?                           #functionRelation
    | LPAREN fromItem RPAREN alias?                                             #parenthesizedRelation
    ;

alias
    : AS colId (LPAREN identifierList RPAREN)?
    | colId (LPAREN identifierList RPAREN)?
    ;

sortItem
    : expr (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

// ---------------------------------------------------------------- data modification

insertStatement
    : with? INSERT INTO qualifiedName (AS colId)? (LPAREN identifierList RPAREN)?
        (OVERRIDING (SYSTEM | USER) VALUE)?
        (DEFAULT VALUES | query) onConflict? returning?
    ;

onConflict
    : ON CONFLICT conflictTarget? DO NOTHING                                    #onConflictDoNothing
    | ON CONFLICT conflictTarget? DO UPDATE SET setClause (COMMA setClause)*
        (WHERE expr)?                                                           #onConflictDoUpdate
    ;

conflictTarget
    : LPAREN indexElement (COMMA indexElement)* RPAREN (WHERE expr)?            #conflictColumns
    | ON CONSTRAINT identifier                                                  #conflictConstraint
    ;

returning
    : RETURNING selectItem (COMMA selectItem)*
    ;

updateStatement
    : with? UPDATE ONLY? qualifiedName ASTERISK? (AS? colId)?
        SET setClause (COMMA setClause)*
        (FROM fromItem (COMMA fromItem)*)?
        (WHERE expr)? returning?
    ;

setClause
    : identifier EQ valuesItem                                                  #singleAssignment
    | LPAREN identifierList RPAREN EQ ROW? LPAREN valuesItem (COMMA valuesItem)* RPAREN #rowAssignment
    | LPAREN identifierList RPAREN EQ LPAREN query RPAREN                        #subqueryAssignment
    | LPAREN identifierList RPAREN EQ expr                                       #expressionAssignment
    ;

deleteStatement
    : with? DELETE FROM ONLY? qualifiedName ASTERISK? (AS? colId)?
        (USING fromItem (COMMA fromItem)*)?
        (WHERE expr)? returning?
    ;

// ---------------------------------------------------------------- DDL

persistence
    : TEMP
    | TEMPORARY
    | LOCAL (TEMP | TEMPORARY)
    | GLOBAL (TEMP | TEMPORARY)
    | UNLOGGED
    ;

createTableStatement
    : CREATE persistence? TABLE (IF NOT EXISTS)? qualifiedName
        LPAREN (tableElement (COMMA tableElement)*)? RPAREN
        (INHERITS LPAREN qualifiedName (COMMA qualifiedName)* RPAREN)?
        (PARTITION BY identifier LPAREN indexElement (COMMA indexElement)* RPAREN)?
        (USING identifier)?
        (WITH LPAREN propertyList RPAREN | WITHOUT OIDS)?
        (ON COMMIT (DROP | DELETE ROWS | PRESERVE ROWS))?
    ;

createTableAsStatement
    : CREATE persistence? TABLE (IF NOT EXISTS)? qualifiedName
        (LPAREN identifierList RPAREN)? (USING identifier)?
        (WITH LPAREN propertyList RPAREN)?
        AS query (WITH NO? DATA)?
    ;

tableElement
    : columnDefinition                                                          #columnElement
    | tableConstraint                                                           #constraintElement
    ;

columnDefinition
    : colId typeName (COLLATE qualifiedName)? columnConstraint*
    ;

columnConstraint
    : (CONSTRAINT identifier)? columnConstraintBody
    | COLLATE qualifiedName
    ;

columnConstraintBody
    : NOT NULL                                                                  #notNullColumn
    | NULL                                                                      #nullColumn
    | DEFAULT valueExpr                                                         #defaultColumn
    | PRIMARY KEY                                                               #primaryKeyColumn
    | UNIQUE (NULLS NOT? DISTINCT)?                                             #uniqueColumn
    | CHECK LPAREN expr RPAREN (NO INHERIT)?                                    #checkColumn
    | REFERENCES qualifiedName (LPAREN identifierList RPAREN)? referenceOptions*  #referencesColumn
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY
        (LPAREN sequenceOption+ RPAREN)?                                        #identityColumn
    | GENERATED ALWAYS AS LPAREN expr RPAREN STORED                             #generatedColumn
    ;

referenceOptions
    : MATCH (FULL | PARTIAL | SIMPLE)                                           #referenceMatch
    | ON DELETE referentialAction                                               #referenceOnDelete
    | ON UPDATE referentialAction                                               #referenceOnUpdate
    | NOT? DEFERRABLE                                                           #referenceDeferrable
    | INITIALLY (DEFERRED | IMMEDIATE)                                          #referenceInitially
    ;

referentialAction
    : NO ACTION
    | RESTRICT
    | CASCADE
    | SET NULL
    | SET DEFAULT
    ;

tableConstraint
    : (CONSTRAINT identifier)? tableConstraintBody
    ;

tableConstraintBody
    : PRIMARY KEY LPAREN identifierList RPAREN includeColumns?                  #primaryKeyTable
    | UNIQUE (NULLS NOT? DISTINCT)? LPAREN identifierList RPAREN includeColumns? #uniqueTable
    | CHECK LPAREN expr RPAREN (NO INHERIT)?                                    #checkTable
    | FOREIGN KEY LPAREN identifierList RPAREN REFERENCES qualifiedName
        (LPAREN identifierList RPAREN)? referenceOptions*                       #foreignKeyTable
    ;

includeColumns
    : INCLUDE LPAREN identifierList RPAREN
    ;

alterTableStatement
    : ALTER TABLE (IF EXISTS)? ONLY? qualifiedName ASTERISK?
        alterTableAction (COMMA alterTableAction)*
    ;

alterTableAction
    : ADD COLUMN? (IF NOT EXISTS)? columnDefinition                             #addColumn
    | DROP COLUMN? (IF EXISTS)? colId dropBehavior?                             #dropColumn
    | RENAME COLUMN? colId TO colId                                             #renameColumn
    | RENAME TO colId                                                           #renameTable
    | RENAME CONSTRAINT colId TO colId                                          #renameConstraint
    | SET SCHEMA colId                                                          #setSchema
    | ALTER COLUMN? colId SET DEFAULT valueExpr                                 #setColumnDefault
    | ALTER COLUMN? colId DROP DEFAULT                                          #dropColumnDefault
    | ALTER COLUMN? colId SET NOT NULL                                          #setNotNull
    | ALTER COLUMN? colId DROP NOT NULL                                         #dropNotNull
    | ALTER COLUMN? colId (SET DATA)? TYPE typeName (COLLATE qualifiedName)?
        (USING expr)?                                                           #alterColumnType
    | ADD tableConstraint (NOT VALID)?                                          #addConstraint
    | DROP CONSTRAINT (IF EXISTS)? colId dropBehavior?                          #dropConstraint
    | VALIDATE CONSTRAINT colId                                                 #validateConstraint
    | OWNER TO roleSpecification                                                #changeOwner
    | REPLICA IDENTITY (DEFAULT | FULL | NOTHING | USING INDEX colId)           #replicaIdentity
    | SET LPAREN propertyList RPAREN                                            #setOptions
    | RESET LPAREN propertyName (COMMA propertyName)* RPAREN                    #resetOptions
    ;

createIndexStatement
    : CREATE UNIQUE? INDEX CONCURRENTLY? ((IF NOT EXISTS)? colId)? ON ONLY? qualifiedName
        (USING identifier)? LPAREN indexElement (COMMA indexElement)* RPAREN
        includeColumns? (WITH LPAREN propertyList RPAREN)? (WHERE expr)?
    ;

indexElement
    : (colId | functionCall | LPAREN expr RPAREN) (COLLATE qualifiedName)?
        qualifiedName? (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

createSchemaStatement
    : CREATE SCHEMA (IF NOT EXISTS)? colId (AUTHORIZATION roleSpecification)? schemaElement*   #createSchemaNamed
    | CREATE SCHEMA (IF NOT EXISTS)? AUTHORIZATION roleSpecification schemaElement*           #createSchemaAuthorization
    ;

schemaElement
    : createTableStatement
    | createIndexStatement
    | createSequenceStatement
    | createViewStatement
    | grantStatement
    ;

createViewStatement
    : CREATE (OR REPLACE)? persistence? VIEW qualifiedName
        (LPAREN identifierList RPAREN)? (WITH LPAREN propertyList RPAREN)? AS query
    ;

grantStatement
    : GRANT privileges ON grantObjects TO granteeList (WITH GRANT OPTION)?
    ;

createSequenceStatement
    : CREATE persistence? SEQUENCE (IF NOT EXISTS)? qualifiedName sequenceOption*
    ;

sequenceOption
    : AS typeName                                                               #sequenceAs
    | INCREMENT BY? signedNumber                                                #sequenceIncrement
    | MINVALUE signedNumber                                                     #sequenceMinValue
    | NO MINVALUE                                                               #sequenceNoMinValue
    | MAXVALUE signedNumber                                                     #sequenceMaxValue
    | NO MAXVALUE                                                               #sequenceNoMaxValue
    | START WITH? signedNumber                                                  #sequenceStart
    | RESTART (WITH? signedNumber)?                                             #sequenceRestart
    | CACHE signedNumber                                                        #sequenceCache
    | CYCLE                                                                     #sequenceCycle
    | NO CYCLE                                                                  #sequenceNoCycle
    | OWNED BY (NONE | qualifiedName)                                           #sequenceOwnedBy
    | SEQUENCE NAME qualifiedName                                               #sequenceName
    ;

databaseOption
    : propertyName EQ? (signedNumber | nonReservedWordOrString | DEFAULT)
    ;

dropObjectType
    : TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | SCHEMA | TYPE | EXTENSION
    ;

alterObjectType
    : SCHEMA | DATABASE | SEQUENCE | VIEW | MATERIALIZED VIEW | INDEX | TYPE
    ;

commentObjectType
    : TABLE | COLUMN | SCHEMA | INDEX | SEQUENCE | VIEW | DATABASE | TYPE | EXTENSION | ROLE
    ;

dropBehavior
    : CASCADE
    | RESTRICT
    ;

// ---------------------------------------------------------------- utility

transactionMode
    : ISOLATION LEVEL isolationLevel                                            #isolationLevelMode
    | READ WRITE                                                                #readWriteMode
    | READ ONLY                                                                 #readOnlyMode
    | NOT? DEFERRABLE                                                           #deferrableMode
    ;

isolationLevel
    : SERIALIZABLE
    | REPEATABLE READ
    | READ COMMITTED
    | READ UNCOMMITTED
    ;

setStatement
    : SET scope=(SESSION | LOCAL)? varName (TO | EQ) (DEFAULT | varValue (COMMA varValue)*)  #setVariable
    | SET scope=(SESSION | LOCAL)? TIME ZONE (LOCAL | DEFAULT | timeZoneValue)                  #setTimeZone
    | SET scope=(SESSION | LOCAL)? SCHEMA string                                                #setSchemaVariable
    | SET scope=(SESSION | LOCAL)? NAMES (DEFAULT | nonReservedWordOrString)?                   #setNames
    | SET scope=(SESSION | LOCAL)? ROLE nonReservedWordOrString                                 #setRole
    | SET scope=(SESSION | LOCAL)? SESSION AUTHORIZATION (DEFAULT | nonReservedWordOrString)     #setSessionAuthorization
    | SET scope=(SESSION | LOCAL)? TRANSACTION transactionMode (COMMA? transactionMode)*         #setTransaction
    | SET SESSION CHARACTERISTICS AS TRANSACTION transactionMode (COMMA? transactionMode)* #setSessionCharacteristics
    ;

varName
    : colId (DOT colId)*
    ;

varValue
    : booleanOrString
    | signedNumber
    | signedDecimal
    ;

timeZoneValue
    : string
    | identifier
    | signedNumber
    | signedDecimal
    | INTERVAL string intervalFields?
    ;

resetTarget
    : varName
    | TIME ZONE
    | TRANSACTION ISOLATION LEVEL
    | SESSION AUTHORIZATION
    | ALL
    ;

showTarget
    : varName
    | TIME ZONE
    | TRANSACTION ISOLATION LEVEL
    | SESSION AUTHORIZATION
    | ALL
    ;

explainOption
    : utilityOption
    ;

explainLegacyOption
    : ANALYZE
    | ANALYSE
    | VERBOSE
    ;

utilityOption
    : nonReservedWord (booleanOrString | signedNumber)?
    | ANALYZE (booleanOrString | signedNumber)?
    | ANALYSE (booleanOrString | signedNumber)?
    | VERBOSE (booleanOrString | signedNumber)?
    | FULL (booleanOrString | signedNumber)?
    | FREEZE (booleanOrString | signedNumber)?
    ;

vacuumLegacyOption
    : FULL
    | FREEZE
    | VERBOSE
    | ANALYZE
    | ANALYSE
    ;

vacuumTargets
    : vacuumTarget (COMMA vacuumTarget)*
    ;

vacuumTarget
    : qualifiedName (LPAREN identifierList RPAREN)?
    ;

declareCursorStatement
    : DECLARE identifier cursorOption* CURSOR ((WITH | WITHOUT) HOLD)? FOR query
    ;

cursorOption
    : NO SCROLL
    | SCROLL
    | BINARY
    | INSENSITIVE
    | ASENSITIVE
    ;

fetchDirection
    : NEXT                                                                      #fetchNext
    | PRIOR                                                                     #fetchPrior
    | FIRST                                                                     #fetchFirstRow
    | LAST                                                                      #fetchLast
    | ABSOLUTE signedNumber                                                     #fetchAbsolute
    | RELATIVE signedNumber                                                     #fetchRelative
    | signedNumber                                                              #fetchCountOnly
    | ALL                                                                       #fetchAll
    | FORWARD (signedNumber | ALL)?                                             #fetchForward
    | BACKWARD (signedNumber | ALL)?                                            #fetchBackward
    ;

copyStatement
    : COPY BINARY? qualifiedName (LPAREN identifierList RPAREN)? (FROM | TO) PROGRAM? copyTarget
        copyOptions (WHERE expr)?                                              #copyTable
    | COPY LPAREN preparableStatement RPAREN TO PROGRAM? copyTarget copyOptions  #copyQuery
    ;

copyTarget
    : STDIN
    | STDOUT
    | string
    ;

copyOptions
    : WITH? LPAREN copyOption (COMMA copyOption)* RPAREN                        #copyOptionList
    | (USING? DELIMITERS string)? WITH? copyLegacyOption*                       #copyLegacyOptions
    ;

copyOption
    : colLabel (booleanOrString | signedNumber | signedDecimal | ASTERISK
        | LPAREN identifierList RPAREN | DEFAULT)?
    ;

copyLegacyOption
    : BINARY                                                                    #copyLegacyBinary
    | FREEZE                                                                    #copyLegacyFreeze
    | DELIMITER AS? string                                                      #copyLegacyDelimiter
    | NULL AS? string                                                           #copyLegacyNull
    | CSV                                                                       #copyLegacyCsv
    | HEADER                                                                    #copyLegacyHeader
    | QUOTE AS? string                                                          #copyLegacyQuote
    | ESCAPE AS? string                                                         #copyLegacyEscape
    | FORCE QUOTE (identifierList | ASTERISK)                                   #copyLegacyForceQuote
    | FORCE NOT NULL identifierList                                             #copyLegacyForceNotNull
    | ENCODING string                                                           #copyLegacyEncoding
    ;

roleOption
    : PASSWORD (string | NULL)                                                  #rolePassword
    | ENCRYPTED PASSWORD string                                                 #roleEncryptedPassword
    | UNENCRYPTED PASSWORD string                                               #roleUnencryptedPassword
    | INHERIT                                                                   #roleInherit
    | CONNECTION LIMIT signedNumber                                             #roleConnectionLimit
    | VALID UNTIL string                                                        #roleValidUntil
    | IN ROLE identifierList                                                    #roleInRole
    | IN GROUP identifierList                                                   #roleInRole
    | ROLE identifierList                                                       #roleMembers
    | ADMIN identifierList                                                      #roleAdmins
    | USER identifierList                                                       #roleMembers
    | IDENTIFIER                                                                #roleFlag
    ;

roleSetting
    : SET varName (TO | EQ) (DEFAULT | varValue (COMMA varValue)*)              #roleSet
    | SET varName FROM CURRENT                                                  #roleSetFromCurrent
    | RESET (varName | ALL)                                                     #roleReset
    ;

privileges
    : ALL PRIVILEGES? (LPAREN identifierList RPAREN)?
    | privilege (COMMA privilege)*
    ;

privilege
    : (SELECT | REFERENCES | CREATE | colId) (LPAREN identifierList RPAREN)?
    ;

grantObjects
    : TABLE? qualifiedName (COMMA qualifiedName)*                               #grantTables
    | SEQUENCE qualifiedName (COMMA qualifiedName)*                             #grantSequences
    | DATABASE qualifiedName (COMMA qualifiedName)*                             #grantDatabases
    | SCHEMA qualifiedName (COMMA qualifiedName)*                               #grantSchemas
    | FUNCTION qualifiedName (COMMA qualifiedName)*                             #grantFunctions
    | ALL (TABLES | SEQUENCES | FUNCTIONS) IN SCHEMA qualifiedName (COMMA qualifiedName)* #grantAllInSchema
    ;

granteeList
    : grantee (COMMA grantee)*
    ;

grantee
    : GROUP? roleSpecification
    ;

roleSpecification
    : CURRENT_ROLE
    | CURRENT_USER
    | SESSION_USER
    | nonReservedWord
    ;

defaultPrivilegeScope
    : FOR (ROLE | USER) identifierList
    | IN SCHEMA identifierList
    ;

defaultPrivilegeAction
    : GRANT privileges ON defaultPrivilegeObjects TO granteeList (WITH GRANT OPTION)?
    | REVOKE (GRANT OPTION FOR)? privileges ON defaultPrivilegeObjects FROM granteeList dropBehavior?
    ;

defaultPrivilegeObjects
    : TABLES | SEQUENCES | FUNCTIONS | ROUTINES | TYPES | SCHEMAS
    ;

propertyList
    : property (COMMA property)*
    ;

property
    : propertyName (EQ (signedNumber | signedDecimal | booleanOrString | reservedKeyword))?
    ;

propertyName
    : colLabel (DOT colLabel)*
    ;

// ---------------------------------------------------------------- expressions

expr
    : valueExpr                                                                 #valueExpression
    | expr NOT? BETWEEN (SYMMETRIC | ASYMMETRIC)? valueExpr AND valueExpr        #between
    | expr NOT? IN LPAREN query RPAREN                                          #inSubquery
    | expr NOT? IN LPAREN expr (COMMA expr)* RPAREN                             #inList
    | expr NOT? (LIKE | ILIKE) quantifier LPAREN (query | expr) RPAREN          #quantifiedLike
    | expr NOT? (LIKE | ILIKE) valueExpr (ESCAPE valueExpr)?                    #like
    | expr NOT? SIMILAR TO valueExpr (ESCAPE valueExpr)?                        #similarTo
    | expr (comparisonOperator | qualifiedOperator) quantifier
        LPAREN (query | expr) RPAREN                                            #quantifiedComparison
    | expr comparisonOperator expr                                              #comparison
    | expr IS NOT? NULL                                                         #isNull
    | expr (ISNULL | NOTNULL)                                                   #isNullShort
    | expr IS NOT? (TRUE | FALSE | UNKNOWN)                                     #isBoolean
    | expr IS NOT? DISTINCT FROM expr                                           #isDistinctFrom
    | NOT expr                                                                  #not
    | expr AND expr                                                             #and
    | expr OR expr                                                              #or
    ;

valueExpr
    : primaryExpr                                                               #primaryValue
    | valueExpr TYPECAST typeName                                               #castOperator
    | <assoc=right> sign=(PLUS | MINUS) valueExpr                               #unarySign
    | valueExpr COLLATE qualifiedName                                           #collate
    | valueExpr AT TIME ZONE valueExpr                                          #atTimeZone
    | valueExpr CARET valueExpr                                                 #power
    | valueExpr operator=(ASTERISK | SLASH | PERCENT) valueExpr                 #multiplicative
    | valueExpr operator=(PLUS | MINUS) valueExpr                               #additive
    | qualifiedOperator valueExpr                                               #prefixOperator
    | valueExpr qualifiedOperator valueExpr                                     #binaryOperator
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

qualifiedOperator
    : OPERATOR LPAREN (colId DOT)* anyOperator RPAREN                           #explicitOperator
    | otherOperator                                                             #plainOperator
    ;

anyOperator
    : otherOperator | comparisonOperator | PLUS | MINUS | ASTERISK | SLASH | PERCENT | CARET
    ;

otherOperator
    : CONCAT | TILDE | NOT_TILDE | TILDE_STAR | NOT_TILDE_STAR | ARROW | DOUBLE_ARROW
    | HASH_ARROW | HASH_DOUBLE_ARROW | AT_GT | LT_AT | QUESTION | QUESTION_PIPE
    | QUESTION_AMP | AMP_AMP | AMP | PIPE | HASH | SHIFT_LEFT | SHIFT_RIGHT | AT_SIGN
    | SQRT | CBRT | CUSTOM_OPERATOR
    ;

quantifier
    : ANY | SOME | ALL
    ;

primaryExpr
    : constant                                                                  #literal
    | PARAMETER indirection*                                                    #parameter
    | colId indirection*                                                        #columnReference
    | functionCall indirection*                                                 #functionCallExpression
    | specialFunction                                                           #specialFunctionExpression
    | LPAREN query RPAREN indirection*                                          #scalarSubquery
    | LPAREN expr RPAREN indirection*                                           #parenthesized
    | LPAREN expr (COMMA expr)+ RPAREN                                          #implicitRow
    | ROW LPAREN (expr (COMMA expr)*)? RPAREN                                   #explicitRow
    | EXISTS LPAREN query RPAREN                                                #exists
    | ARRAY LPAREN query RPAREN                                                 #arraySubquery
    | ARRAY arrayBrackets indirection*                                          #arrayConstructor
    | CASE operand=expr? whenClause+ (ELSE elseExpr=expr)? END                  #case
    ;

indirection
    : DOT (colLabel | ASTERISK)                                                 #fieldIndirection
    | LBRACKET expr RBRACKET                                                    #subscriptIndirection
    | LBRACKET lower=expr? COLON upper=expr? RBRACKET                           #sliceIndirection
    ;

arrayBrackets
    : LBRACKET (arrayElement (COMMA arrayElement)*)? RBRACKET
    ;

arrayElement
    : arrayBrackets
    | expr
    ;

whenClause
    : WHEN condition=expr THEN result=expr
    ;

constant
    : INTEGER_VALUE                                                             #integerLiteral
    | DECIMAL_VALUE                                                             #decimalLiteral
    | string                                                                    #stringLiteral
    | BIT_STRING                                                                #bitStringLiteral
    | TRUE                                                                      #trueLiteral
    | FALSE                                                                     #falseLiteral
    | NULL                                                                      #nullLiteral
    | INTERVAL string intervalFields?                                           #intervalLiteral
    | INTERVAL LPAREN INTEGER_VALUE RPAREN string                                #intervalPrecisionLiteral
    | constantTypeName string                                                   #typedLiteral
    ;

constantTypeName
    : specialTypeName
    | typeFunctionName (DOT colLabel)* (LPAREN typeModifier (COMMA typeModifier)* RPAREN)?
    ;

string
    : STRING
    | ESCAPE_STRING
    | DOLLAR_STRING
    | UNICODE_STRING
    ;

number
    : INTEGER_VALUE
    | DECIMAL_VALUE
    ;

signedNumber
    : (PLUS | MINUS)? INTEGER_VALUE
    ;

signedDecimal
    : (PLUS | MINUS)? DECIMAL_VALUE
    ;

functionCall
    : functionName LPAREN ASTERISK RPAREN filter? over?                         #starCall
    | functionName LPAREN RPAREN withinGroup? filter? over?                     #emptyCall
    | functionName LPAREN setQuantifier? functionArgument (COMMA functionArgument)*
        (COMMA VARIADIC variadic=functionArgument)? orderBy? RPAREN withinGroup? filter? over?  #argumentCall
    | functionName LPAREN VARIADIC variadic=functionArgument orderBy? RPAREN
        withinGroup? filter? over?                                              #variadicCall
    ;

functionName
    : typeFunctionName
    | colId (DOT colLabel)+
    ;

functionArgument
    : typeFunctionName (COLON_EQUALS | EQUALS_GREATER) expr                     #namedArgument
    | expr                                                                      #positionalArgument
    ;

withinGroup
    : WITHIN GROUP LPAREN orderBy RPAREN
    ;

filter
    : FILTER LPAREN WHERE expr RPAREN
    ;

over
    : OVER colId                                                                #overName
    | OVER LPAREN windowSpecification RPAREN                                    #overSpecification
    ;

windowSpecification
    : existing=colId? (PARTITION BY expr (COMMA expr)*)? orderBy? windowFrame?
    ;

windowFrame
    : frameMode=(RANGE | ROWS | GROUPS) start=frameBound frameExclusion?
    | frameMode=(RANGE | ROWS | GROUPS) BETWEEN start=frameBound AND end=frameBound frameExclusion?
    ;

frameBound
    : UNBOUNDED PRECEDING                                                       #unboundedPreceding
    | UNBOUNDED FOLLOWING                                                       #unboundedFollowing
    | CURRENT ROW                                                               #currentRowBound
    | valueExpr PRECEDING                                                       #precedingBound
    | valueExpr FOLLOWING                                                       #followingBound
    ;

frameExclusion
    : EXCLUDE CURRENT ROW
    | EXCLUDE GROUP
    | EXCLUDE TIES
    | EXCLUDE NO OTHERS
    ;

specialFunction
    : CURRENT_DATE                                                              #currentDate
    | CURRENT_TIME (LPAREN INTEGER_VALUE RPAREN)?                               #currentTime
    | CURRENT_TIMESTAMP (LPAREN INTEGER_VALUE RPAREN)?                          #currentTimestamp
    | LOCALTIME (LPAREN INTEGER_VALUE RPAREN)?                                  #localTime
    | LOCALTIMESTAMP (LPAREN INTEGER_VALUE RPAREN)?                             #localTimestamp
    | CURRENT_ROLE                                                              #currentRole
    | CURRENT_USER                                                              #currentUser
    | SESSION_USER                                                              #sessionUser
    | USER                                                                      #user
    | CURRENT_CATALOG                                                           #currentCatalog
    | CURRENT_SCHEMA                                                            #currentSchema
    | CAST LPAREN expr AS typeName RPAREN                                       #cast
    | EXTRACT LPAREN extractField FROM expr RPAREN                              #extract
    | OVERLAY LPAREN expr PLACING expr FROM expr (FOR expr)? RPAREN             #overlay
    | OVERLAY LPAREN (expr (COMMA expr)*)? RPAREN                               #overlayList
    | POSITION LPAREN valueExpr IN valueExpr RPAREN                             #position
    | SUBSTRING LPAREN expr FROM expr (FOR expr)? RPAREN                        #substringFrom
    | SUBSTRING LPAREN expr FOR expr (FROM expr)? RPAREN                        #substringFor
    | SUBSTRING LPAREN expr SIMILAR expr ESCAPE expr RPAREN                     #substringSimilar
    | SUBSTRING LPAREN (expr (COMMA expr)*)? RPAREN                             #substringList
    | TRIM LPAREN trimSide=(BOTH | LEADING | TRAILING)? trimChars=expr? FROM expr (COMMA expr)* RPAREN  #trimFrom
    | TRIM LPAREN trimSide=(BOTH | LEADING | TRAILING)? expr (COMMA expr)* RPAREN #trimList
    | COALESCE LPAREN expr (COMMA expr)* RPAREN                                 #coalesce
    | NULLIF LPAREN expr COMMA expr RPAREN                                      #nullIf
    | GREATEST LPAREN expr (COMMA expr)* RPAREN                                 #greatest
    | LEAST LPAREN expr (COMMA expr)* RPAREN                                    #least
    | COLLATION FOR LPAREN expr RPAREN                                          #collationFor
    ;

extractField
    : identifier
    | string
    ;

// ---------------------------------------------------------------- types

typeName
    : baseTypeName arrayBounds?
    | baseTypeName ARRAY (LBRACKET INTEGER_VALUE RBRACKET)?
    ;

arrayBounds
    : (LBRACKET INTEGER_VALUE? RBRACKET)+
    ;

baseTypeName
    : specialTypeName                                                           #specialType
    | typeFunctionName (DOT colLabel)* (LPAREN typeModifier (COMMA typeModifier)* RPAREN)?  #genericType
    ;

typeModifier
    : signedNumber
    | signedDecimal
    | string
    | identifier
    ;

specialTypeName
    : (INT | INTEGER)                                                           #intType
    | SMALLINT                                                                  #smallintType
    | BIGINT                                                                    #bigintType
    | REAL                                                                      #realType
    | FLOAT (LPAREN INTEGER_VALUE RPAREN)?                                      #floatType
    | DOUBLE PRECISION                                                          #doublePrecisionType
    | (DECIMAL | DEC | NUMERIC) (LPAREN typeModifier (COMMA typeModifier)* RPAREN)? #numericType
    | BOOLEAN                                                                   #booleanType
    | (CHARACTER | CHAR | NCHAR | NATIONAL (CHARACTER | CHAR)) VARYING?
        (LPAREN INTEGER_VALUE RPAREN)?                                          #characterType
    | VARCHAR (LPAREN INTEGER_VALUE RPAREN)?                                    #varcharType
    | BIT VARYING? (LPAREN INTEGER_VALUE RPAREN)?                               #bitType
    | TIMESTAMP (LPAREN INTEGER_VALUE RPAREN)? ((WITH | WITHOUT) TIME ZONE)?    #timestampType
    | TIME (LPAREN INTEGER_VALUE RPAREN)? ((WITH | WITHOUT) TIME ZONE)?         #timeType
    | INTERVAL intervalFields?                                                  #intervalType
    | INTERVAL LPAREN INTEGER_VALUE RPAREN                                      #intervalPrecisionType
    ;

intervalFields
    : YEAR
    | MONTH
    | DAY
    | HOUR
    | MINUTE
    | SECOND (LPAREN INTEGER_VALUE RPAREN)?
    | YEAR TO MONTH
    | DAY TO HOUR
    | DAY TO MINUTE
    | DAY TO SECOND (LPAREN INTEGER_VALUE RPAREN)?
    | HOUR TO MINUTE
    | HOUR TO SECOND (LPAREN INTEGER_VALUE RPAREN)?
    | MINUTE TO SECOND (LPAREN INTEGER_VALUE RPAREN)?
    ;

// ---------------------------------------------------------------- names

qualifiedName
    : colId (DOT colLabel)*
    ;

identifierList
    : colId (COMMA colId)*
    ;

identifier
    : colId
    ;

colId
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_IDENTIFIER
    | unreservedKeyword
    | colNameKeyword
    ;

typeFunctionName
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_IDENTIFIER
    | unreservedKeyword
    | typeFuncNameKeyword
    ;

nonReservedWord
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_IDENTIFIER
    | unreservedKeyword
    | colNameKeyword
    | typeFuncNameKeyword
    ;

colLabel
    : nonReservedWord
    | reservedKeyword
    ;

bareColLabel
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_IDENTIFIER
    | bareUnreservedKeyword
    ;

nonReservedWordOrString
    : nonReservedWord
    | string
    ;

booleanOrString
    : TRUE
    | FALSE
    | ON
    | nonReservedWord
    | string
    ;

// ---------------------------------------------------------------- keyword categories

unreservedKeyword
    : ABORT
    | ABSOLUTE
    | ACTION
    | ADD
    | ADMIN
    | ALTER
    | ALWAYS
    | ASENSITIVE
    | AT
    | BACKWARD
    | BEGIN
    | BY
    | CACHE
    | CASCADE
    | CHAIN
    | CHARACTERISTICS
    | CHECKPOINT
    | CLOSE
    | COMMENT
    | COMMIT
    | COMMITTED
    | CONFLICT
    | CONNECTION
    | CONTINUE
    | COPY
    | CSV
    | CURRENT
    | CURSOR
    | CYCLE
    | DATA
    | DATABASE
    | DAY
    | DEALLOCATE
    | DECLARE
    | DEFERRED
    | DELETE
    | DELIMITER
    | DELIMITERS
    | DISCARD
    | DOUBLE
    | DROP
    | ENCODING
    | ENCRYPTED
    | ENUM
    | ESCAPE
    | EXCLUDE
    | EXECUTE
    | EXPLAIN
    | EXTENSION
    | FILTER
    | FIRST
    | FOLLOWING
    | FORCE
    | FORWARD
    | FUNCTION
    | FUNCTIONS
    | GENERATED
    | GLOBAL
    | GROUPS
    | HEADER
    | HOLD
    | HOUR
    | IDENTITY
    | IF
    | IMMEDIATE
    | INCLUDE
    | INCREMENT
    | INDEX
    | INHERIT
    | INHERITS
    | INSENSITIVE
    | INSERT
    | ISOLATION
    | KEY
    | LANGUAGE
    | LAST
    | LEVEL
    | LISTEN
    | LOCAL
    | LOCKED
    | MATCH
    | MATERIALIZED
    | MAXVALUE
    | MINUTE
    | MINVALUE
    | MONTH
    | MOVE
    | NAME
    | NAMES
    | NEXT
    | NO
    | NOTHING
    | NOTIFY
    | NOWAIT
    | NULLS
    | OF
    | OIDS
    | OPERATOR
    | OPTION
    | ORDINALITY
    | OTHERS
    | OVER
    | OVERRIDING
    | OWNED
    | OWNER
    | PARTIAL
    | PARTITION
    | PASSWORD
    | PLANS
    | PRECEDING
    | PREPARE
    | PREPARED
    | PRESERVE
    | PRIOR
    | PRIVILEGES
    | PROGRAM
    | QUOTE
    | RANGE
    | READ
    | REASSIGN
    | RECURSIVE
    | RELATIVE
    | RELEASE
    | RENAME
    | REPEATABLE
    | REPLACE
    | REPLICA
    | RESET
    | RESTART
    | RESTRICT
    | REVOKE
    | ROLE
    | ROLLBACK
    | ROUTINES
    | ROWS
    | SAVEPOINT
    | SCHEMA
    | SCHEMAS
    | SCROLL
    | SECOND
    | SEQUENCE
    | SEQUENCES
    | SERIALIZABLE
    | SESSION
    | SET
    | SHARE
    | SHOW
    | SIMPLE
    | SKIP_
    | START
    | STDIN
    | STDOUT
    | STORED
    | SYSTEM
    | TABLES
    | TEMP
    | TEMPORARY
    | TIES
    | TRANSACTION
    | TRUNCATE
    | TYPE
    | TYPES
    | UNBOUNDED
    | UNCOMMITTED
    | UNENCRYPTED
    | UNKNOWN
    | UNLISTEN
    | UNLOGGED
    | UNTIL
    | UPDATE
    | VACUUM
    | VALID
    | VALIDATE
    | VALUE
    | VARYING
    | VERSION_
    | VIEW
    | WITHIN
    | WITHOUT
    | WORK
    | WRITE
    | YEAR
    | ZONE
    ;

bareUnreservedKeyword
    : ABORT
    | ABSOLUTE
    | ACTION
    | ADD
    | ADMIN
    | ALTER
    | ALWAYS
    | ASENSITIVE
    | BACKWARD
    | BEGIN
    | BY
    | CACHE
    | CASCADE
    | CHAIN
    | CHARACTERISTICS
    | CHECKPOINT
    | CLOSE
    | COMMENT
    | COMMIT
    | COMMITTED
    | CONFLICT
    | CONNECTION
    | CONTINUE
    | COPY
    | CSV
    | CURRENT
    | CURSOR
    | CYCLE
    | DATA
    | DATABASE
    | DAY
    | DEALLOCATE
    | DECLARE
    | DEFERRED
    | DELETE
    | DELIMITER
    | DELIMITERS
    | DISCARD
    | DOUBLE
    | DROP
    | ENCODING
    | ENCRYPTED
    | ENUM
    | EXCLUDE
    | EXECUTE
    | EXPLAIN
    | EXTENSION
    | FIRST
    | FOLLOWING
    | FORCE
    | FORWARD
    | FUNCTION
    | FUNCTIONS
    | GENERATED
    | GLOBAL
    | GROUPS
    | HEADER
    | HOLD
    | HOUR
    | IDENTITY
    | IF
    | IMMEDIATE
    | INCLUDE
    | INCREMENT
    | INDEX
    | INHERIT
    | INHERITS
    | INSENSITIVE
    | INSERT
    | ISOLATION
    | KEY
    | LANGUAGE
    | LAST
    | LEVEL
    | LISTEN
    | LOCAL
    | LOCKED
    | MATCH
    | MATERIALIZED
    | MAXVALUE
    | MINUTE
    | MINVALUE
    | MONTH
    | MOVE
    | NAME
    | NAMES
    | NEXT
    | NO
    | NOTHING
    | NOTIFY
    | NOWAIT
    | NULLS
    | OF
    | OIDS
    | OPERATOR
    | OPTION
    | ORDINALITY
    | OTHERS
    | OVERRIDING
    | OWNED
    | OWNER
    | PARTIAL
    | PARTITION
    | PASSWORD
    | PLANS
    | PRECEDING
    | PREPARE
    | PREPARED
    | PRESERVE
    | PRIOR
    | PRIVILEGES
    | PROGRAM
    | QUOTE
    | RANGE
    | READ
    | REASSIGN
    | RECURSIVE
    | RELATIVE
    | RELEASE
    | RENAME
    | REPEATABLE
    | REPLACE
    | REPLICA
    | RESET
    | RESTART
    | RESTRICT
    | REVOKE
    | ROLE
    | ROLLBACK
    | ROUTINES
    | ROWS
    | SAVEPOINT
    | SCHEMA
    | SCHEMAS
    | SCROLL
    | SECOND
    | SEQUENCE
    | SEQUENCES
    | SERIALIZABLE
    | SESSION
    | SET
    | SHARE
    | SHOW
    | SIMPLE
    | SKIP_
    | START
    | STDIN
    | STDOUT
    | STORED
    | SYSTEM
    | TABLES
    | TEMP
    | TEMPORARY
    | TIES
    | TRANSACTION
    | TRUNCATE
    | TYPE
    | TYPES
    | UNBOUNDED
    | UNCOMMITTED
    | UNENCRYPTED
    | UNKNOWN
    | UNLISTEN
    | UNLOGGED
    | UNTIL
    | UPDATE
    | VACUUM
    | VALID
    | VALIDATE
    | VALUE
    | VARYING
    | VERSION_
    | VIEW
    | WITHOUT
    | WORK
    | WRITE
    | YEAR
    | ZONE
    ;

colNameKeyword
    : BETWEEN
    | BIGINT
    | BIT
    | BOOLEAN
    | CHAR
    | CHARACTER
    | COALESCE
    | DEC
    | DECIMAL
    | EXISTS
    | EXTRACT
    | FLOAT
    | GREATEST
    | INT
    | INTEGER
    | INTERVAL
    | LEAST
    | NATIONAL
    | NCHAR
    | NONE
    | NULLIF
    | NUMERIC
    | OVERLAY
    | POSITION
    | PRECISION
    | REAL
    | ROW
    | SMALLINT
    | SUBSTRING
    | TIME
    | TIMESTAMP
    | TRIM
    | VALUES
    | VARCHAR
    ;

typeFuncNameKeyword
    : AUTHORIZATION
    | BINARY
    | COLLATION
    | CONCURRENTLY
    | CROSS
    | CURRENT_SCHEMA
    | FREEZE
    | FULL
    | ILIKE
    | INNER
    | IS
    | ISNULL
    | JOIN
    | LEFT
    | LIKE
    | NATURAL
    | NOTNULL
    | OUTER
    | RIGHT
    | SIMILAR
    | VERBOSE
    ;

reservedKeyword
    : ALL
    | ANALYSE
    | ANALYZE
    | AND
    | ANY
    | ARRAY
    | AS
    | ASC
    | ASYMMETRIC
    | BOTH
    | CASE
    | CAST
    | CHECK
    | COLLATE
    | COLUMN
    | CONSTRAINT
    | CREATE
    | CURRENT_CATALOG
    | CURRENT_DATE
    | CURRENT_ROLE
    | CURRENT_TIME
    | CURRENT_TIMESTAMP
    | CURRENT_USER
    | DEFAULT
    | DEFERRABLE
    | DESC
    | DISTINCT
    | DO
    | ELSE
    | END
    | EXCEPT
    | FALSE
    | FETCH
    | FOR
    | FOREIGN
    | FROM
    | GRANT
    | GROUP
    | HAVING
    | IN
    | INITIALLY
    | INTERSECT
    | INTO
    | LATERAL
    | LEADING
    | LIMIT
    | LOCALTIME
    | LOCALTIMESTAMP
    | NOT
    | NULL
    | OFFSET
    | ON
    | ONLY
    | OR
    | ORDER
    | PLACING
    | PRIMARY
    | REFERENCES
    | RETURNING
    | SELECT
    | SESSION_USER
    | SOME
    | SYMMETRIC
    | TABLE
    | THEN
    | TO
    | TRAILING
    | TRUE
    | UNION
    | UNIQUE
    | USER
    | USING
    | VARIADIC
    | WHEN
    | WHERE
    | WINDOW
    | WITH
    ;

internal import CSQLite3

/// `SQLITE_TRANSIENT` is a C macro casting -1 to a function pointer, which Swift does not
/// import. It tells SQLite to copy the bytes before the bind call returns, so Swift buffers
/// only need to live for the duration of that call.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// `SQLITE_UTF8` as the `unsigned char` encoding argument of the `*64` bind/result calls.
let sqliteUTF8Encoding = UInt8(SQLITE_UTF8)

// Extended result codes are C macros built with `|` and `<<`, which Swift does not import.
let sqliteConstraintCheck = SQLITE_CONSTRAINT | (1 << 8)
let sqliteConstraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
let sqliteConstraintNotNull = SQLITE_CONSTRAINT | (5 << 8)
let sqliteConstraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
let sqliteConstraintUnique = SQLITE_CONSTRAINT | (8 << 8)

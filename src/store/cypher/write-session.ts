/**
 * The store's last change marker: the first write transaction of every process that opens the store
 * sets a fresh token here, in the same transaction as its write. A saved read model stamped with the
 * token it was built at is therefore current exactly when the token has not changed since
 * (src/read-model/read-model-snapshot.ts).
 */
export const SET_WRITE_SESSION = `MERGE (s:WriteSession {id: 'store'}) SET s.token = $token, s.at = $at`;

export const READ_WRITE_SESSION = `MATCH (s:WriteSession {id: 'store'}) RETURN s.token AS token`;

/**
 * Why a socket left its namespace, as the server reports it to `disconnect` hooks. Spelled as Socket.IO spells
 * them, so code written for Socket.IO keeps working.
 */
export type DisconnectReason = 
/** The server called `socket.disconnect()`. */
'server namespace disconnect'
/** The client called `socket.disconnect()`. */
 | 'client namespace disconnect'
/** The server is closing. */
 | 'server shutting down'
/** The client stopped answering pings. */
 | 'ping timeout'
/** The connection was closed (the user closed the page, the network went away). */
 | 'transport close'
/** The connection hit an error. */
 | 'transport error'
/** The client sent a packet that could not be decoded. */
 | 'parse error'
/** The whole connection was closed by the server (`socket.disconnect(true)`). */
 | 'forced close' | 'forced server close'
/** A message exceeded `maxHttpBufferSize`. */
 | 'message too large'
/** The client stopped reading and its buffer passed the bound. */
 | 'slow consumer';

/**
 * A socket.io-client program typed with the example chat's generated events.d.ts: it compiles, and each marked
 * mistake does not (test/typecheck.test.ts compiles this file and fails on an unused marker).
 */
import { io, type Socket } from 'socket.io-client';
import type { Namespaces } from '../../examples/chat/contract/events';

type Test = Namespaces['/test'];
type Private = Namespaces['/private'];

export function useChat(url: string): void {
  const test: Socket<Test['serverToClient'], Test['clientToServer']> = io(`${url}/test`);
  test.emit('my event', { data: 'hello' });
  test.emit('join', { room: 'lobby' });
  test.emit('my_room_event', { room: 'lobby', data: [1, 2] });
  test.emit('my ping');
  test.on('my response', (response) => console.log(response.count.toFixed(0), response.data));
  test.on('my error', (error) => console.log(error.event, error.message));

  // @ts-expect-error -- join needs { room }
  test.emit('join', { name: 'lobby' });
  // @ts-expect-error -- a room is a string
  test.emit('leave', { room: 7 });
  // @ts-expect-error -- the chat has no such event
  test.emit('my evnt', { data: 'hello' });
  // @ts-expect-error -- my ping takes no argument
  test.emit('my ping', 1);
  test.on('my response', (response) => {
    // @ts-expect-error -- count is a number
    const count: string = response.count;
    console.log(count);
  });

  const privateSocket: Socket<Private['serverToClient'], Private['clientToServer']> = io(`${url}/private`, {
    auth: { token: 'secret' },
  });
  privateSocket.emit('whoami', (answer) => console.log(typeof answer === 'string' ? answer : answer.error.code));
  // @ts-expect-error -- the sid is a string (or an error answer)
  privateSocket.emit('whoami', (answer: number) => answer);
}

import { expect } from 'chai';
import { SharedStrings } from '../../src/engine/shared-strings';

describe('SharedStrings', () => {
  it('gives back an equal string, and leaves header values equal', () => {
    const strings = new SharedStrings();
    expect(strings.share('websocket')).to.equal('websocket');
    expect(strings.share(['web', 'socket'].join(''))).to.equal('websocket');
    const headers = {
      host: '127.0.0.1:5000',
      upgrade: 'websocket',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'set-cookie': ['a=1', 'b=2'],
      'x-long': 'x'.repeat(600),
    };
    const copy = structuredClone(headers);
    strings.shareHeaders(headers);
    expect(headers).to.deep.equal(copy);
  });

  it('keeps at most its capacity: when full it starts over', () => {
    const strings = new SharedStrings(4);
    for (let i = 0; i < 4; i++) strings.share(`value ${i}`);
    expect(strings.size).to.equal(4);
    strings.share('value 0'); // already there
    expect(strings.size).to.equal(4);
    strings.share('value 4');
    expect(strings.size).to.equal(1);
  });

  it('keeps no long strings nor the values unique to a request', () => {
    const strings = new SharedStrings();
    strings.share('x'.repeat(513));
    strings.shareHeaders({ 'sec-websocket-key': 'k', cookie: 'c', authorization: 'a' });
    expect(strings.size).to.equal(0);
    strings.shareHeaders({ 'user-agent': 'node' });
    expect(strings.size).to.equal(1);
  });
});

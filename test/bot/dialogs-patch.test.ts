import { ComponentRegistration, TestAdapter, TurnContext } from 'botbuilder';
import { DialogContext, DialogSet, type DialogState } from 'botbuilder-dialogs';

function dialogContext(): DialogContext {
  const context = new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', conversation: { id: 'c', isGroup: false, conversationType: '', name: '' } });
  return new DialogContext(new DialogSet(), context, { dialogStack: [] } as DialogState);
}

describe('patched botbuilder-dialogs (patches/botbuilder-dialogs+4.23.3.patch)', () => {
  it('registers the dialogs component once, not once per dialog context', () => {
    dialogContext();
    const first = ComponentRegistration.components.find((c) => c.constructor.name === 'DialogsComponentRegistration');
    expect(first).toBeDefined();
    dialogContext();
    dialogContext();
    const registrations = ComponentRegistration.components.filter((c) => c.constructor.name === 'DialogsComponentRegistration');
    // Stock botbuilder replaces the registration with a new instance on every context.
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toBe(first);
  });

  it('parses a path without brackets once, and hands each caller its own copy', () => {
    const dc = dialogContext();
    const first = dc.state.parsePath('dialog.order.id');
    first.push('changed by a caller');
    expect(dc.state.parsePath('dialog.order.id')).toEqual(['dialog', 'order', 'id']);
    // Bracketed parts still read memory on every parse.
    dc.state.setValue('turn.key', 'a');
    expect(dc.state.parsePath('dialog[turn.key]')).toEqual(['dialog', 'a']);
    dc.state.setValue('turn.key', 'b');
    expect(dc.state.parsePath('dialog[turn.key]')).toEqual(['dialog', 'b']);
    expect(() => dc.state.parsePath('not a path')).toThrow(/Invalid path/);
  });

  it('still gives each context its memory scopes', () => {
    const dc = dialogContext();
    dc.state.setValue('turn.greeting', 'hello');
    expect(dc.state.getValue('turn.greeting')).toBe('hello');
    expect(dc.state.configuration.memoryScopes.map((s) => s.name)).toEqual(expect.arrayContaining(['turn', 'conversation', 'dialog', 'this']));
  });
});

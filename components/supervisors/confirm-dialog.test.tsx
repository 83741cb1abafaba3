// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';
import { offsetsToMove } from './reset-offsets-dialog';

afterEach(cleanup);

describe('ConfirmDialog', () => {
  it('acts only once the exact id is typed', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog title="Terminate supervisor clicks?" confirmLabel="Terminate" typeToConfirm="clicks" onConfirm={onConfirm} onCancel={() => undefined}>
        <p>Its tasks stop.</p>
      </ConfirmDialog>,
    );
    const button = screen.getByRole('button', { name: 'Terminate' }) as HTMLButtonElement;
    const input = screen.getByLabelText(/Type clicks to confirm/);
    expect(button.disabled).toBe(true);
    fireEvent.change(input, { target: { value: 'click' } });
    fireEvent.submit(button.form!);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'clicks' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('cancels on Escape', () => {
    const onCancel = vi.fn();
    render(
      <ConfirmDialog title="Reset?" confirmLabel="Reset" onConfirm={() => undefined} onCancel={onCancel}>
        <p>May skip data.</p>
      </ConfirmDialog>,
    );
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('offsetsToMove', () => {
  const partitions = [
    { partition: '0', currentOffset: '100', latestOffset: '200', lag: '100', taskId: null },
    { partition: '1', currentOffset: '5', latestOffset: '9007199254740993', lag: null, taskId: null },
  ];

  it('sends only the partitions the user changed, exactly as typed', () => {
    expect(offsetsToMove(partitions, { '0': '100', '1': '9007199254740993' })).toEqual({ partitions: { '1': '9007199254740993' } });
  });

  it('says which partition has something that is not an offset', () => {
    expect(offsetsToMove(partitions, { '0': '-3', '1': '5' })).toEqual({ problem: 'Partition 0: "-3" is not an offset; type a whole number such as 0 or 1200.' });
    expect(offsetsToMove(partitions, { '0': '100', '1': '5' })).toEqual({ problem: 'Change the offset of at least one partition.' });
  });
});

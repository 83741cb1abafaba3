import { describe, expect, it } from 'vitest';
import { roleRefusal } from '../http/identity';
import { ACTION_LABELS, roleForAction } from './action-role';
import { SUPERVISOR_ACTIONS } from './schemas';

describe('the role a supervisor action needs', () => {
  it('lets operators keep ingestion flowing and keeps what loses or re-reads data for admins', () => {
    expect(Object.fromEntries(SUPERVISOR_ACTIONS.map((action) => [action, roleForAction(action)]))).toEqual({
      suspend: 'operator',
      resume: 'operator',
      handoff: 'operator',
      reset: 'admin',
      resetOffsets: 'admin',
      terminate: 'admin',
    });
  });

  it('is named in a refusal with the button\'s own words', () => {
    expect(roleRefusal(ACTION_LABELS.terminate, roleForAction('terminate'), 'operator')).toBe('Terminate needs the admin role; you are an operator.');
    expect(roleRefusal([ACTION_LABELS.suspend, ACTION_LABELS.handoff], 'operator', 'viewer')).toBe('Suspend and Hand off need the operator role; you are a viewer.');
  });
});

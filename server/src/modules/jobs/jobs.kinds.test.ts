import { describe, expect, it } from 'vitest';
import '../../app'; // registers every module's job handlers, as the server does
import { JOB_KINDS } from './jobs.schema';
import { registeredJobKinds } from './jobs.service';

describe('job kinds', () => {
  it('the list the web names jobs by is every kind the server runs', () => {
    expect(registeredJobKinds().sort()).toEqual([...JOB_KINDS].sort());
  });
});

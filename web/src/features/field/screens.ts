/** The technician's phone screens: one download, the first time either opens. */
export { JobPage } from './job-page';
export { MyJobsPage } from './my-jobs-page';

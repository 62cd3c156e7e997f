import { tenantOnboardingWorkflow } from '#graders/testkit/sagas/workflows.ts';
import { tenantOnboardingPolicy } from '../src/policies.ts';
import { describePolicy, describeSagaVersion } from './support/saga-spec.ts';

// Steps take minutes to hours: the same code, with timeouts sized in hours of virtual time.
describeSagaVersion('choreography', tenantOnboardingWorkflow, tenantOnboardingPolicy);
describeSagaVersion('orchestration', tenantOnboardingWorkflow, tenantOnboardingPolicy);
describePolicy(tenantOnboardingWorkflow, tenantOnboardingPolicy);

import { hour, minute, second, type Workflow } from './workflow.ts';

/** Kata 3: a marketplace checkout in five steps. */
export const checkoutWorkflow: Workflow = {
  name: 'checkout',
  owner: 'orders',
  started: 'OrderPlaced',
  completed: 'OrderConfirmed',
  cancelled: 'OrderCancelled',
  deadlineMs: 60 * second,
  timeUnit: 'ms',
  steps: [
    { step: 'ReserveStock', service: 'stock', done: 'StockReserved', failed: 'StockUnavailable',
      compensation: 'ReleaseStock', compensated: 'StockReleased', durationMs: 50 },
    { step: 'ChargeCard', service: 'payments', done: 'CardCharged', failed: 'CardDeclined',
      compensation: 'RefundCard', compensated: 'CardRefunded', durationMs: 300 },
    { step: 'CreateShipment', service: 'shipping', done: 'ShipmentCreated', failed: 'ShipmentRejected',
      compensation: 'CancelShipment', compensated: 'ShipmentCancelled', durationMs: 100 },
    { step: 'UpdateLoyaltyPoints', service: 'loyalty', done: 'LoyaltyPointsAdded', failed: 'LoyaltyPointsRejected',
      compensation: 'RevertLoyaltyPoints', compensated: 'LoyaltyPointsReverted', durationMs: 50 },
    { step: 'SendReceiptEmail', service: 'email', done: 'ReceiptSent', failed: 'ReceiptBounced', durationMs: 100 },
  ],
};

/**
 * The reliability variant: the same checkout against a regulated payment gateway that
 * answers slowly and whose replies go missing; a lost reply must not cancel a paid order.
 */
export const regulatedCheckoutWorkflow: Workflow = {
  ...checkoutWorkflow,
  name: 'regulated-checkout',
  deadlineMs: 30 * second,
  steps: checkoutWorkflow.steps.map((step) => (step.step === 'ChargeCard' ? { ...step, durationMs: 2 * second } : step)),
};

/** The other workflow of the seed: onboarding a SaaS tenant, where some steps take hours. */
export const tenantOnboardingWorkflow: Workflow = {
  name: 'tenant-onboarding',
  owner: 'tenants',
  started: 'TenantSignedUp',
  completed: 'TenantActivated',
  cancelled: 'TenantOnboardingAbandoned',
  deadlineMs: 24 * hour,
  timeUnit: 'human',
  steps: [
    { step: 'CreateTenantAccount', service: 'accounts', done: 'TenantAccountCreated', failed: 'TenantAccountRejected',
      compensation: 'CloseTenantAccount', compensated: 'TenantAccountClosed', durationMs: minute },
    { step: 'ProvisionDatabase', service: 'provisioning', done: 'DatabaseProvisioned', failed: 'DatabaseProvisioningFailed',
      compensation: 'DropDatabase', compensated: 'DatabaseDropped', durationMs: 2 * hour },
    { step: 'ConfigureSingleSignOn', service: 'identity', done: 'SingleSignOnConfigured', failed: 'SingleSignOnRejected',
      compensation: 'RemoveSingleSignOn', compensated: 'SingleSignOnRemoved', durationMs: 10 * minute },
    { step: 'ImportCustomerData', service: 'imports', done: 'CustomerDataImported', failed: 'CustomerDataImportFailed',
      compensation: 'PurgeImportedData', compensated: 'ImportedDataPurged', durationMs: 3 * hour },
    { step: 'SendWelcomeEmail', service: 'email', done: 'WelcomeEmailSent', failed: 'WelcomeEmailBounced', durationMs: minute },
  ],
};

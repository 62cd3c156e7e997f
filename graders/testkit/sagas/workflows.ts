import { hour, minute, second, type Workflow } from './workflow.ts';

/**
 * Kata 3: a marketplace checkout in five steps. Stock and payment can be undone; the shipment
 * is the pivot; loyalty points and the receipt are retried until they succeed.
 */
export const checkoutWorkflow: Workflow = {
  name: 'checkout',
  owner: 'orders',
  started: 'OrderPlaced',
  completed: 'OrderConfirmed',
  cancelled: 'OrderCancelled',
  deadlineMs: 60 * second,
  timeUnit: 'ms',
  steps: [
    { step: 'ReserveStock', service: 'stock', kind: 'compensatable', done: 'StockReserved', failed: 'StockUnavailable',
      compensation: 'ReleaseStock', compensated: 'StockReleased', durationMs: 50 },
    { step: 'ChargeCard', service: 'payments', kind: 'compensatable', done: 'CardCharged', failed: 'CardDeclined',
      compensation: 'RefundCard', compensated: 'CardRefunded', durationMs: 300 },
    // The parcel is handed to the carrier: from here on the order goes ahead.
    { step: 'CreateShipment', service: 'shipping', kind: 'pivot', done: 'ShipmentCreated', failed: 'ShipmentRejected', durationMs: 100 },
    { step: 'UpdateLoyaltyPoints', service: 'loyalty', kind: 'retriable', done: 'LoyaltyPointsAdded', failed: 'LoyaltyPointsRejected',
      durationMs: 50 },
    { step: 'SendReceiptEmail', service: 'email', kind: 'retriable', done: 'ReceiptSent', failed: 'ReceiptBounced', durationMs: 100 },
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
    { step: 'CreateTenantAccount', service: 'accounts', kind: 'compensatable', done: 'TenantAccountCreated',
      failed: 'TenantAccountRejected', compensation: 'CloseTenantAccount', compensated: 'TenantAccountClosed', durationMs: minute },
    { step: 'ProvisionDatabase', service: 'provisioning', kind: 'compensatable', done: 'DatabaseProvisioned',
      failed: 'DatabaseProvisioningFailed', compensation: 'DropDatabase', compensated: 'DatabaseDropped', durationMs: 2 * hour },
    { step: 'ConfigureSingleSignOn', service: 'identity', kind: 'compensatable', done: 'SingleSignOnConfigured',
      failed: 'SingleSignOnRejected', compensation: 'RemoveSingleSignOn', compensated: 'SingleSignOnRemoved', durationMs: 10 * minute },
    // The customer's users start working on their imported data: there is no way back from here.
    { step: 'ImportCustomerData', service: 'imports', kind: 'pivot', done: 'CustomerDataImported', failed: 'CustomerDataImportFailed',
      durationMs: 3 * hour },
    { step: 'SendWelcomeEmail', service: 'email', kind: 'retriable', done: 'WelcomeEmailSent', failed: 'WelcomeEmailBounced',
      durationMs: minute },
  ],
};

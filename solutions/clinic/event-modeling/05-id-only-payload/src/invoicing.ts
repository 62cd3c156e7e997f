import type { Invoice, Invoicing, InvoicingDeps, OrderLine } from './orders-api.ts';

const total = (lines: OrderLine[]) => lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);

/**
 * Invoicing: bills each order from what its events carry, and nothing else. It never calls
 * the orders API: the API's outage is not invoicing's outage, and the order as it is now is
 * not the order as it was when each event happened.
 */
export function createInvoicing(_deps: InvoicingDeps): Invoicing {
  const invoices = new Map<string, Invoice>();
  return {
    async handle(event) {
      const orderId = String(event.data.orderId);
      if (event.type === 'OrderPlaced') {
        const data = event.data as { customerId: string; lines: OrderLine[] };
        invoices.set(orderId, { orderId, customerId: data.customerId, lines: data.lines, totalCents: total(data.lines) });
      } else if (event.type === 'OrderLineAdded') {
        const invoice = invoices.get(orderId);
        // The topic is keyed by order, so OrderPlaced comes first; if not, fail and be redelivered.
        if (!invoice) throw new Error(`OrderLineAdded for order ${orderId} arrived before its OrderPlaced`);
        invoice.lines = [...invoice.lines, (event.data as { line: OrderLine }).line];
        invoice.totalCents = total(invoice.lines);
      }
    },
    invoice(orderId) {
      const invoice = invoices.get(orderId);
      return invoice && structuredClone(invoice);
    },
  };
}

import type { Invoice, Invoicing, InvoicingDeps, OrderLine } from './orders-api.ts';

const total = (lines: OrderLine[]) => lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);

/**
 * Invoicing: bills each order. The events only say which order moved, so it asks the orders
 * API for the order and its lines.
 */
export function createInvoicing({ ordersApi }: InvoicingDeps): Invoicing {
  const invoices = new Map<string, Invoice>();
  return {
    async handle(event) {
      const orderId = String(event.data.orderId);
      if (event.type === 'OrderPlaced') {
        const order = await ordersApi.getOrder(orderId);
        if (!order) throw new Error(`The orders API knows no order ${orderId}`);
        invoices.set(orderId, { orderId, customerId: order.customerId, lines: order.lines, totalCents: total(order.lines) });
      } else if (event.type === 'OrderLineAdded') {
        const invoice = invoices.get(orderId);
        const line = await ordersApi.getLine(orderId, String(event.data.lineId));
        if (!invoice || !line) throw new Error(`Cannot bill line ${String(event.data.lineId)} of order ${orderId} yet`);
        invoice.lines = [...invoice.lines, line];
        invoice.totalCents = total(invoice.lines);
      }
    },
    invoice(orderId) {
      const invoice = invoices.get(orderId);
      return invoice && structuredClone(invoice);
    },
  };
}

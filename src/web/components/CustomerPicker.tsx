import { useT } from '../i18n/i18n';
import { PartnerPicker, type PickedPartner } from './PartnerPicker';

interface CustomerPickerProps {
  label: string;
  description?: string;
  value: string | null;
  /** What the form already knows about the chosen customer, so it shows before any search. */
  selected: PickedPartner | null;
  error?: string;
  exclude?: string;
  onChange: (customerId: string | null, customer: PickedPartner | null) => void;
}

/** Chooses a 得意先 among any number of customers (server-side search). */
export function CustomerPicker(props: CustomerPickerProps) {
  const t = useT();
  return <PartnerPicker path="/customers" idKey="customerId" {...t.customerPicker} {...props} />;
}

import { useT } from '../i18n/i18n';
import { PartnerPicker, type PickedPartner } from './PartnerPicker';

interface SupplierPickerProps {
  label: string;
  description?: string;
  value: string | null;
  selected: PickedPartner | null;
  error?: string;
  exclude?: string;
  onChange: (supplierId: string | null, supplier: PickedPartner | null) => void;
}

/** Chooses a 仕入先 among any number of suppliers (server-side search). */
export function SupplierPicker(props: SupplierPickerProps) {
  const t = useT();
  return <PartnerPicker path="/suppliers" idKey="supplierId" {...t.supplierPicker} {...props} />;
}

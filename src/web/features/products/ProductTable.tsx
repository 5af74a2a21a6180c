import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Product } from '../../../server/modules/masters/products/product.schema';
import { taxRateListQueryOptions } from '../../api/tax-rates';
import { useT } from '../../i18n/i18n';
import { formatDecimalText } from '../../lib/format';

interface ProductTableProps {
  products: Product[];
  busy: boolean;
}

export function ProductTable({ products, busy }: ProductTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const columns = t.products.columns;
  const taxRates = useQuery(taxRateListQueryOptions);
  const rateName = (code: string) =>
    taxRates.data?.items.find((rate) => rate.code === code)?.printedName ?? code;

  const open = (productId: string) =>
    navigate({ to: '/products/$productId', params: { productId } });

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table
        aria-label={t.products.table}
        striped
        highlightOnHover
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        fz="sm"
        style={{ opacity: busy ? 0.55 : 1, transition: 'opacity 120ms', background: 'white' }}
      >
        <Table.Thead style={{ background: '#f3f5f8' }}>
          <Table.Tr>
            <Table.Th w={140}>{columns.code}</Table.Th>
            <Table.Th>{columns.name}</Table.Th>
            <Table.Th w={70}>{columns.unit}</Table.Th>
            <Table.Th w={120} ta="right">
              {columns.unitPrice1}
            </Table.Th>
            <Table.Th w={120} ta="right">
              {columns.cost}
            </Table.Th>
            <Table.Th w={90}>{columns.taxRate}</Table.Th>
            <Table.Th w={130}>{columns.janCode}</Table.Th>
            <Table.Th w={80} ta="center">
              {columns.status}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => (
            <Table.Tr
              key={product.productId}
              className="akinai-row"
              onClick={() => open(product.productId)}
            >
              <Table.Td className="akinai-numeric">
                <Anchor
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/products/$productId"
                      params={{ productId: product.productId }}
                    />
                  )}
                  fz="sm"
                  fw={600}
                  onClick={(event) => event.stopPropagation()}
                >
                  {product.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {product.name}
                </Text>
                {product.spec && (
                  <Text fz="xs" c="dimmed">
                    {product.spec}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{product.unit}</Table.Td>
              <Table.Td ta="right" className="akinai-numeric">
                {formatDecimalText(product.unitPrice1)}
              </Table.Td>
              <Table.Td ta="right" className="akinai-numeric">
                {formatDecimalText(product.cost)}
              </Table.Td>
              <Table.Td>
                {rateName(product.taxRateCode)}
                {product.taxMode === 'inclusive' && (
                  <Text span fz="xs" c="dimmed">
                    {' '}
                    {t.productForm.taxModes.inclusive}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="akinai-numeric">{product.janCode}</Table.Td>
              <Table.Td ta="center">
                <Badge
                  size="sm"
                  radius="sm"
                  variant={product.isActive ? 'light' : 'outline'}
                  color={product.isActive ? 'teal' : 'gray'}
                >
                  {product.isActive ? t.products.status.true : t.products.status.false}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { createListPositionStore } from '../partners/list-search';

export const supplierListPosition = createListPositionStore();

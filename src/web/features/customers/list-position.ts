import { createListPositionStore } from '../partners/list-search';

export const customerListPosition = createListPositionStore();

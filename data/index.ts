/**
 * The demo shop: the real catalog, customers and invoices of a UK gift shop (UCI Online
 * Retail, December 2010) with generated identities and shipments, loaded into an empty store
 * when `SHOPKEEP_DEMO=1`.
 */
export { loadDemoShop, demoShopRows, demoTimeShift, DemoShopError, type LoadDemoOptions, type DemoShopCounts } from './loader';
export { demoOrderSamples, demoSignInHint, type DemoOrderSample } from './samples';
export {
  DEMO_ATTRIBUTION,
  DEMO_FILES,
  defaultDemoDir,
  readDemoShop,
  demoProductSchema,
  demoCustomerSchema,
  demoOrderSchema,
  type DemoShopData,
  type DemoProduct,
  type DemoCustomer,
  type DemoOrder,
} from './demo-files';
export { PRODUCT_CATEGORIES, type ProductCategory } from './categories';
export { CARRIERS, type Carrier } from './tracking-numbers';

/** Customers (with their service locations) and vendors: the names QuickBooks keeps in one list. */
import { z } from 'zod';
import { request } from './define';
import {
  addressOutputSchema,
  addressSchema,
  idSchema,
  limitSchema,
  offsetSchema,
  optionalText,
  pageOf,
  searchSchema,
  sortDirectionSchema,
} from './fields';

export const displayNameSchema = z
  .string({ error: 'Enter the display name.' })
  .trim()
  .min(1, { error: 'Enter the display name.' })
  .max(100, { error: 'A display name is at most 100 characters (QuickBooks’ limit).' });

const emailSchema = z
  .email({ error: 'Enter an email address like name@example.com.' })
  .max(100, { error: 'An email address is at most 100 characters.' })
  .nullable()
  .optional();

const partyFields = {
  displayName: displayNameSchema,
  companyName: optionalText(100, 'The company name'),
  givenName: optionalText(100, 'The given name'),
  familyName: optionalText(100, 'The family name'),
  email: emailSchema,
  phone: optionalText(30, 'The phone number'),
  billingAddress: addressSchema.nullable().optional(),
  shippingAddress: addressSchema.nullable().optional(),
  active: z.boolean().optional(),
};

export const partyCreateSchema = z.object(partyFields).strict();
export const partyUpdateSchema = z
  .object({ id: idSchema, ...partyFields, displayName: displayNameSchema.optional() })
  .strict();

export const serviceLocationSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  address: addressOutputSchema,
  active: z.boolean(),
  updatedAt: z.string(),
});
export type ServiceLocation = z.infer<typeof serviceLocationSchema>;

export const partySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  companyName: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  billingAddress: addressOutputSchema,
  shippingAddress: addressOutputSchema,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Party = z.infer<typeof partySchema>;

export const customerSchema = partySchema.extend({ serviceLocations: z.array(serviceLocationSchema) });
export type Customer = z.infer<typeof customerSchema>;

export const partyListSchema = z
  .object({
    search: searchSchema,
    active: z.boolean().optional(),
    sort: z.enum(['displayName', 'companyName', 'email', 'phone', 'updatedAt']).default('displayName'),
    direction: sortDirectionSchema,
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();

const locationNameSchema = z
  .string({ error: 'Enter the location name.' })
  .trim()
  .min(1, { error: 'Enter the location name.' })
  .max(100, { error: 'A location name is at most 100 characters (QuickBooks’ limit).' });

export const serviceLocationCreateSchema = z
  .object({
    customerId: idSchema,
    name: locationNameSchema,
    address: addressSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const serviceLocationUpdateSchema = z
  .object({
    id: idSchema,
    name: locationNameSchema.optional(),
    address: addressSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();

const byId = z.object({ id: idSchema }).strict();

export const partyRequests = {
  'customers.list': request('A page of customers; search over name, company, email and phone.', partyListSchema, pageOf(partySchema)),
  'customers.get': request('One customer with their service locations.', byId, customerSchema),
  'customers.create': request(
    'Add a customer. The display name must be unique among customers and vendors together.',
    partyCreateSchema,
    customerSchema,
  ),
  'customers.update': request('Change a customer; name only what changes.', partyUpdateSchema, customerSchema),
  'customers.deactivate': request('Make a customer inactive.', byId, customerSchema),
  'serviceLocations.create': request(
    'Add a service location (a site of the customer’s, with its own address).',
    serviceLocationCreateSchema,
    serviceLocationSchema,
  ),
  'serviceLocations.update': request('Change a service location.', serviceLocationUpdateSchema, serviceLocationSchema),
  'vendors.list': request('A page of vendors; search over name, company, email and phone.', partyListSchema, pageOf(partySchema)),
  'vendors.get': request('One vendor.', byId, partySchema),
  'vendors.create': request(
    'Add a vendor. The display name must be unique among customers and vendors together.',
    partyCreateSchema,
    partySchema,
  ),
  'vendors.update': request('Change a vendor; name only what changes.', partyUpdateSchema, partySchema),
  'vendors.deactivate': request('Make a vendor inactive.', byId, partySchema),
};

/**
 * Hands the API client to components, so a component test can pass
 * createFakeClient(...) instead of the real transport.
 */
import { createContext, useContext } from 'react';
import { appClient, type ApiClient } from '../api/client';

export const ClientContext = createContext<ApiClient>(appClient);

export function useClient(): ApiClient {
  return useContext(ClientContext);
}

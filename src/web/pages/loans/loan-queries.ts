import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

/**
 * Queries of family loans, and what a change makes stale. Keys:
 * `['loans', 'requests', …]`, `['loans', 'loans', …]`, `['loans', 'reasons']`.
 * Lists are pseudonymised; details carry personal data for the roles that
 * need them (each such read is audited by the server), so details are not
 * kept around longer than the page that shows them.
 */

export type LoanRequest = Schemas['LoanRequest'];
export type RequestStatus = LoanRequest['status'];
export type Loan = Schemas['Loan'];
export type LoanStatus = Loan['status'];
export type Household = Schemas['HouseholdView'];
export type EligibilityReason = Schemas['EligibilityReason'];
export type FamilyLink = Schemas['FamilyLink'];
export type CreateLoanRequestInput = Schemas['CreateLoanRequestInput'];
export type Condition = Schemas['LoanReturnInput']['condition'];

export const reasonsQuery = queryOptions({
  queryKey: ['loans', 'reasons'],
  queryFn: () => unwrap(api.GET('/api/loans/eligibility-reasons')),
  staleTime: 60_000,
});

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ['loans', 'requests', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/loans/requests/{id}', { params: { path: { id } } })),
    gcTime: 0,
  });

export const loanQuery = (id: string) =>
  queryOptions({
    queryKey: ['loans', 'loans', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/loans/{id}', { params: { path: { id } } })),
    gcTime: 0,
  });

export const organisationQuery = queryOptions({
  queryKey: ['organisation'],
  queryFn: () => unwrap(api.GET('/api/organisation')),
  staleTime: 60_000,
});

/** A request answered by a write: the new truth of its page; the lists are stale. */
export async function requestSaved(queryClient: QueryClient, request: LoanRequest): Promise<void> {
  queryClient.setQueryData(requestQuery(request.id).queryKey, request);
  await queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'loans' && q.queryKey[1] === 'requests' && q.queryKey[2] !== 'detail',
  });
}

/** A loan answered by a write: its page, its request, the lists and the devices it moved are stale. */
export async function loanSaved(queryClient: QueryClient, loan: Loan): Promise<void> {
  queryClient.setQueryData(loanQuery(loan.id).queryKey, loan);
  await Promise.all([
    queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'loans' && !(q.queryKey[2] === 'detail' && q.queryKey[3] === loan.id),
    }),
    // Devices changed status (on_loan, back in stock or in a cart).
    queryClient.invalidateQueries({ queryKey: ['assets'] }),
    queryClient.invalidateQueries({ queryKey: ['inventory', 'summary'] }),
  ]);
}

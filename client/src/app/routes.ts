import { type ComponentType, lazy } from 'react';

/**
 * A page loaded when its route is first opened (`React.lazy` wants a default
 * export; the pages have named ones). Each becomes its own chunk, so the
 * board does not carry the report, the charts or the sign-in forms.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const SignInPage = page(() => import('../modules/auth/SignInPage'), 'SignInPage');
export const SetupPage = page(() => import('../modules/auth/SetupPage'), 'SetupPage');
export const InviteAcceptPage = page(() => import('../modules/auth/InviteAcceptPage'), 'InviteAcceptPage');
export const AccountPage = page(() => import('../modules/auth/AccountPage'), 'AccountPage');
export const OperationListPage = page(() => import('../modules/operations/OperationListPage'), 'OperationListPage');
export const OperationPage = page(() => import('../pages/OperationPage'), 'OperationPage');
export const MatchesPage = page(() => import('../modules/matches/MatchesPage'), 'MatchesPage');
/** The link chart: sigma.js and graphology load with this page only. */
export const LiaisonPage = page(() => import('../modules/liaison/LiaisonPage'), 'LiaisonPage');
export const GraphPage = page(() => import('../modules/graph/GraphPage'), 'GraphPage');
export const DashboardPage = page(() => import('../modules/dashboard/DashboardPage'), 'DashboardPage');
export const WallPage = page(() => import('../modules/dashboard/WallPage'), 'WallPage');
export const ReportPage = page(() => import('../modules/reports/ReportPage'), 'ReportPage');

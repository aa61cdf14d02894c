import { Route, Routes } from 'react-router';
import { AccountPage } from '../modules/auth/AccountPage';
import { InviteAcceptPage } from '../modules/auth/InviteAcceptPage';
import { SetupPage } from '../modules/auth/SetupPage';
import { SignInPage } from '../modules/auth/SignInPage';
import { DashboardPage } from '../modules/dashboard/DashboardPage';
import { WallPage } from '../modules/dashboard/WallPage';
import { HitsPage } from '../modules/hits/HitsPage';
import { OperationListPage } from '../modules/operations/OperationListPage';
import { OperationPage } from '../modules/operations/OperationPage';
import { ReportPage } from '../modules/reports/ReportPage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';

/** The routes: public pages for getting in, the rest behind sign-in. */
export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/invite/:code" element={<InviteAcceptPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<OperationListPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/operations/:operationId" element={<OperationPage />} />
          <Route path="/operations/:operationId/hits" element={<HitsPage />} />
          <Route path="/operations/:operationId/dashboard" element={<DashboardPage />} />
          <Route path="/operations/:operationId/report" element={<ReportPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* the wall is for a projector: full screen, without the app's header */}
      <Route element={<RequireAuth />}>
        <Route path="/operations/:operationId/wall" element={<WallPage />} />
      </Route>
    </Routes>
  );
}

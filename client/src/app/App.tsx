import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { OperationRoomRoute } from '../modules/operations/OperationRoom';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import {
  AccountPage,
  DashboardPage,
  GraphPage,
  MatchesPage,
  LiaisonPage,
  InviteAcceptPage,
  OperationListPage,
  OperationPage,
  ReportPage,
  SetupPage,
  SignInPage,
  WallPage,
} from './routes';
import { PageLoading } from './ui/Loading';

/**
 * The routes: public pages for getting in, the rest behind sign-in. Every
 * page of an operation shares one membership of its live room
 * (`OperationRoomRoute`); pages load when first opened (see `routes.ts`).
 */
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
          <Route path="/operations/:operationId" element={<OperationRoomRoute />}>
            <Route index element={<OperationPage />} />
            <Route path="matches" element={<MatchesPage />} />
            {/* the page's old name, for links written before matches replaced pair-hits */}
            <Route path="hits" element={<Navigate to="../matches" replace />} />
            <Route path="requests" element={<LiaisonPage />} />
            <Route path="graph" element={<GraphPage />} />
            <Route path="dashboard" element={<DashboardPage />} />
            <Route path="report" element={<ReportPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* the wall is for a projector: full screen, without the app's header */}
      <Route element={<RequireAuth />}>
        <Route path="/operations/:operationId/wall" element={<OperationRoomRoute />}>
          <Route
            index
            element={
              <Suspense fallback={<PageLoading wall />}>
                <WallPage />
              </Suspense>
            }
          />
        </Route>
      </Route>
    </Routes>
  );
}

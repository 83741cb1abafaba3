import { Suspense } from 'react';
import { SignInForm } from '@/components/access/sign-in-form';
import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Sign in' };

// Sign-in for TRIBUTARY_AUTH=users; where the request proxy sends whoever is not signed in.
export default function SignInPage() {
  return (
    <div className="mx-auto max-w-sm">
      <PageTitle title="Sign in to Tributary" />
      <Suspense fallback={null}>
        <SignInForm />
      </Suspense>
    </div>
  );
}

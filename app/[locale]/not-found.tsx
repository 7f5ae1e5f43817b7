import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found · 페이지를 찾을 수 없습니다</h1>
      <p className="mt-4">
        <Link href="/" className="text-brand-700 underline dark:text-brand-100">
          Back to the journey · 여정으로 돌아가기
        </Link>
      </p>
    </section>
  );
}

import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A document's PDF, opened in a new tab: the same button on every document page. */
export function PdfButton({
  href,
  children,
  testId,
}: {
  href: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Button
      component="a"
      href={href}
      target="_blank"
      rel="noopener"
      variant="default"
      leftSection={<IconFileTypePdf size={16} />}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

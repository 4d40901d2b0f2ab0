// Runs in: renderer. The admin's confirmations ("Settings saved.") as a green notification whose
// close button has a name (Mantine's has none by default: axe's button-name, critical).
import { notifications } from '@mantine/notifications';
import { i18n } from '../../i18n';

export function confirmDone(message: string): void {
  notifications.show({
    color: 'green',
    message,
    closeButtonProps: { 'aria-label': i18n.t('admin.dismiss') },
  });
}

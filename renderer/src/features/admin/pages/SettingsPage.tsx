// Runs in: renderer. Admin › Site settings (container): the settings that hold at once, the
// vetting window, the face thresholds beside the calibration's, and the site's port, feed and
// keys (from the next start).
// A risky change (face thresholds, a shorter retention, the feed) is confirmed in a dialog that
// says what it does; every save says it was done, or why main refused it.
import { useState, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BandThresholds } from '../../../../../ipc/channels/face';
import type { SettingsPatch, VettingWindowView } from '../../../../../ipc/channels/settings';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { QuerySection } from '../../../ui/QuerySection';
import { FaceBandsForm } from '../components/FaceBandsForm';
import { SettingsForm } from '../components/SettingsForm';
import { SiteConnectionForm, type SiteConnection } from '../components/SiteConnectionForm';
import { VettingWindowForm } from '../components/VettingWindowForm';
import { useInspectKey, useUpdateSettings, useUpdateSite } from '../mutations';
import { confirmDone } from '../notify';
import { useFaceAccuracy, useSettings, useSiteSettings } from '../queries';

interface Pending {
  title: string;
  body: ReactNode;
  confirm: string;
  run: () => void;
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const site = useSiteSettings();
  const accuracy = useFaceAccuracy();
  const update = useUpdateSettings();
  const updateSite = useUpdateSite();
  const inspectKey = useInspectKey();
  const [pending, setPending] = useState<Pending | null>(null);
  const model = accuracy.data?.find((m) => m.current);

  // Saved or refused, the dialog closes; a save says it was done.
  const closing = (done: string) => ({
    onSuccess: () => {
      setPending(null);
      confirmDone(done);
    },
    onError: () => setPending(null),
  });
  const save = (patch: SettingsPatch, done: string) => update.mutate(patch, closing(done));

  const saveGeneral = (patch: SettingsPatch) => {
    const before = settings.data!.retentionDays;
    if (patch.retentionDays !== undefined && patch.retentionDays < before)
      setPending({
        title: t('admin.settings.confirmRetentionTitle'),
        body: t('admin.settings.confirmRetention', { from: before, to: patch.retentionDays }),
        confirm: t('admin.settings.confirmRetentionButton'),
        run: () => save(patch, t('admin.settings.saved')),
      });
    else save(patch, t('admin.settings.saved'));
  };

  // A smaller window deletes other ports' port-days at the next sync: said first.
  const saveWindow = (w: VettingWindowView) => {
    const before = settings.data!.vettingWindow;
    const shrinks =
      w.daysBack < before.daysBack ||
      w.daysAhead < before.daysAhead ||
      before.ports.some((p) => !w.ports.includes(p));
    const run = () => save({ vettingWindow: w }, t('admin.window.saved'));
    if (shrinks)
      setPending({
        title: t('admin.window.confirmTitle'),
        body: t('admin.window.confirm'),
        confirm: t('admin.window.confirmButton'),
        run,
      });
    else run();
  };

  const saveBands = (b: BandThresholds | null) => {
    const m = model!;
    const cal = m.calibration;
    const to = b ?? { match: cal.match, inconclusive: cal.inconclusive };
    setPending({
      title: t('admin.faceBands.confirmTitle'),
      body: (
        <>
          <Text size="sm">{t('admin.faceBands.confirm', { ...to, model: m.modelVersion })}</Text>
          {to.match < cal.match && (
            <Text size="sm">{t('admin.faceBands.lowerRisk', { calibrated: cal.match })}</Text>
          )}
          {to.match > cal.match && (
            <Text size="sm">{t('admin.faceBands.higherRisk', { calibrated: cal.match })}</Text>
          )}
        </>
      ),
      confirm: t('admin.faceBands.confirmButton'),
      run: () =>
        save(
          { faceBands: b && { modelVersion: m.modelVersion, ...b } },
          t(b ? 'admin.faceBands.saved' : 'admin.faceBands.restored'),
        ),
    });
  };

  const saveSite = (c: SiteConnection) =>
    setPending({
      title: t('admin.site.confirmTitle'),
      body: t('admin.site.confirm', {
        port: c.port,
        feedUrl: c.feedUrl,
        keys: c.publisherKeys.map((k) => k.keyId).join(', '),
      }),
      confirm: t('admin.site.confirmButton'),
      run: () => updateSite.mutate(c, closing(t('admin.site.saved'))),
    });

  return (
    <>
      <QuerySection title={t('admin.settings.title')} query={settings}>
        {(data) => (
          <SettingsForm
            // A fresh answer from main (after a save elsewhere) resets the fields to it.
            key={JSON.stringify(data)}
            initial={data}
            defaultBoothName={site.data?.boothName}
            saving={update.isPending}
            onSave={saveGeneral}
          />
        )}
      </QuerySection>
      <QuerySection title={t('admin.window.title')} query={settings}>
        {(data) => (
          <VettingWindowForm
            key={JSON.stringify([data.vettingWindow, site.data?.ports.length])}
            initial={data.vettingWindow}
            ports={site.data?.ports ?? []}
            ownPort={site.data?.inForce?.port ?? null}
            demo={site.data?.mode === 'demo'}
            saving={update.isPending}
            onSave={saveWindow}
          />
        )}
      </QuerySection>
      <QuerySection title={t('admin.faceBands.title')} query={accuracy}>
        {() =>
          model &&
          settings.data && (
            <FaceBandsForm
              key={JSON.stringify([settings.data.faceBands, model.calibration])}
              modelVersion={model.modelVersion}
              calibration={model.calibration}
              custom={
                settings.data.faceBands?.modelVersion === model.modelVersion ? settings.data.faceBands : null
              }
              saving={update.isPending}
              onSave={saveBands}
              onRestore={() => saveBands(null)}
            />
          )
        }
      </QuerySection>
      <QuerySection title={t('admin.site.title')} query={site}>
        {(data) => (
          <SiteConnectionForm
            key={JSON.stringify(data.saved)}
            site={data}
            saving={updateSite.isPending}
            onSave={saveSite}
            onInspect={(pem) => inspectKey.mutateAsync({ pem })}
          />
        )}
      </QuerySection>
      <ConfirmDialog
        opened={pending !== null}
        title={pending?.title ?? ''}
        confirmLabel={pending?.confirm ?? ''}
        busy={update.isPending || updateSite.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending?.run()}
      >
        {typeof pending?.body === 'string' ? <Text size="sm">{pending.body}</Text> : pending?.body}
      </ConfirmDialog>
    </>
  );
}

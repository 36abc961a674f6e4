import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { LoadingText } from '@web/components/loading-text';
import { SecretValue } from '@web/components/secret-value';
import { StatusMessage, type Status } from '@web/components/status-message';
import { errorMessage } from '@web/lib/errors';
import { formatDate, formatDateTime } from '@web/lib/format';
import { SCOPE_LABELS, type ApiToken, type TokenCreated } from './security.schema';
import { TokenCreateForm } from './token-create-form';
import { listTokens, revokeToken } from './tokens.api';

type TokenState = 'active' | 'revoked' | 'expired';

function tokenState(token: ApiToken): TokenState {
  if (token.revokedAt) {
    return 'revoked';
  }
  return token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()
    ? 'expired'
    : 'active';
}

function TokenTable({
  tokens,
  onRevoke,
}: {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
}) {
  const { t, i18n } = useTranslation();
  const columns = {
    name: t('security.tokens.columns.name'),
    scopes: t('security.tokens.columns.scopes'),
    created: t('security.tokens.columns.created'),
    expires: t('security.tokens.columns.expires'),
    lastUsed: t('security.tokens.columns.lastUsed'),
    state: t('security.tokens.columns.state'),
  };
  return (
    <Table className="hw-stack-table" verticalSpacing="sm" data-testid="tokens-table">
      <Table.Thead>
        <Table.Tr>
          {Object.values(columns).map((label) => (
            <Table.Th key={label} scope="col">
              {label}
            </Table.Th>
          ))}
          <Table.Th scope="col">
            <span className="hw-visually-hidden">{t('security.tokens.columns.actions')}</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tokens.map((token) => {
          const state = tokenState(token);
          return (
            <Table.Tr key={token.id}>
              <Table.Td data-label={columns.name} className="hw-break">
                {token.name}
              </Table.Td>
              <Table.Td data-label={columns.scopes}>
                {token.scopes.map((scope) => t(SCOPE_LABELS[scope])).join(', ')}
              </Table.Td>
              <Table.Td data-label={columns.created}>
                {formatDate(token.createdAt, i18n.language)}
              </Table.Td>
              <Table.Td data-label={columns.expires}>
                {token.expiresAt
                  ? formatDate(token.expiresAt, i18n.language)
                  : t('security.tokens.never')}
              </Table.Td>
              <Table.Td data-label={columns.lastUsed}>
                {token.lastUsedAt
                  ? formatDateTime(token.lastUsedAt, i18n.language)
                  : t('security.tokens.notUsed')}
              </Table.Td>
              <Table.Td data-label={columns.state}>
                <Badge variant="light" color={state === 'active' ? 'green' : 'gray'}>
                  {t(`security.tokens.states.${state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {state === 'active' && (
                  <Button
                    variant="default"
                    color="red"
                    onClick={() => onRevoke(token)}
                    aria-label={t('security.tokens.revokeNamed', { name: token.name })}
                  >
                    {t('security.tokens.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** API tokens: list, create (secret shown once) and revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setTokens((await listTokens(signal)).items);
      } catch (caught: unknown) {
        if (!signal?.aborted) {
          setStatus({ tone: 'error', message: errorMessage(caught, t) });
        }
      }
    },
    [t],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const handleCreated = (result: TokenCreated) => {
    setCreated(result);
    setTokens((previous) => [result.item, ...(previous ?? [])]);
    setStatus({
      tone: 'success',
      message: t('security.tokens.created', { name: result.item.name }),
    });
  };

  const handleRevoke = async () => {
    if (!revoking) {
      return;
    }
    setBusy(true);
    try {
      await revokeToken(revoking.id);
      setStatus({
        tone: 'success',
        message: t('security.tokens.revoked', { name: revoking.name }),
      });
      await load();
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tokens-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="tokens-heading">
          {t('security.tokens.heading')}
        </Title>
        <Text maw={640}>{t('security.tokens.intro')}</Text>
        <StatusMessage status={status} testId="tokens-status" />
        {created && (
          <Stack gap="sm" className="hw-once" p="md">
            <Text fw={700}>{t('security.tokens.shownOnce')}</Text>
            <SecretValue
              label={t('security.tokens.secretLabel', { name: created.item.name })}
              value={created.token}
              testId="new-token"
            />
            <div>
              <Button onClick={() => setCreated(null)}>{t('security.tokens.savedIt')}</Button>
            </div>
          </Stack>
        )}
        {tokens === null && !status && <LoadingText />}
        {tokens?.length === 0 && <Text>{t('security.tokens.empty')}</Text>}
        {tokens && tokens.length > 0 && <TokenTable tokens={tokens} onRevoke={setRevoking} />}
        <TokenCreateForm onCreated={handleCreated} />
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title={t('security.tokens.revoke')}
        message={t('security.tokens.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('security.tokens.revoke')}
        busy={busy}
        danger
        onConfirm={() => void handleRevoke()}
        onCancel={() => setRevoking(null)}
      />
    </Paper>
  );
}

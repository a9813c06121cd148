/**
 * Azure's run-command APIs (src/normalize/remote-cloud-az.ts): the script lines are walked as
 * remote shell or PowerShell commands; a script not known here is a shell whose script is
 * dynamic; built-in command ids and other az calls carry nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({ '/w/cleanup.sh': 'rm -rf /var/lib/docker\n' });
const remote = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.dynamic ? 'DYNAMIC ' : ''}${c.argv.join(' ')} [${c.wrappers.join(', ')}]`);

describe('commands sent through Azure run-command', () => {
  it.each<[string, string]>([
    [
      `az vm run-command invoke -g rg-prod -n vm-db01 --command-id RunShellScript --scripts 'systemctl stop postgresql && rm -rf /var/lib/postgresql/14/main'`,
      'rm -rf /var/lib/postgresql/14/main [az vm run-command invoke vm-db01]',
    ],
    [
      `az vm run-command invoke --name vm1 --command-id RunShellScript --scripts 'df -h' 'sudo rm -rf /data'`,
      'rm -rf /data [az vm run-command invoke vm1, sudo]',
    ],
    [
      `az vm run-command invoke -n vm1 --command-id RunShellScript --scripts @cleanup.sh`,
      'rm -rf /var/lib/docker [az vm run-command invoke vm1]',
    ],
    [
      `az vm run-command invoke -n win1 --command-id RunPowerShellScript --scripts 'Remove-Item -Recurse -Force C:\\inetpub'`,
      'rm -rf C:\\inetpub [az vm run-command invoke win1, pwsh -c]',
    ],
    [
      `az vmss run-command invoke -g rg -n web-ss --instance-id 0 --command-id RunShellScript --scripts 'rm -rf /srv/app'`,
      'rm -rf /srv/app [az vmss run-command invoke web-ss]',
    ],
    [
      `az vm run-command create -g rg -n cleanup --vm-name vm-db01 --script 'rm -rf /var/lib/mysql'`,
      'rm -rf /var/lib/mysql [az vm run-command create vm-db01]',
    ],
    [
      `az vm run-command create -n c --vm-name win1 --script 'Remove-Item -Recurse -Force D:\\data'`,
      'rm -rf D:\\data [az vm run-command create win1, pwsh -c]',
    ],
    [
      `pwsh -Command "Invoke-AzVMRunCommand -ResourceGroupName rg -VMName vm1 -CommandId RunShellScript -ScriptString 'rm -rf /var/lib/pg'"`,
      'rm -rf /var/lib/pg [pwsh -c, Invoke-AzVMRunCommand vm1]',
    ],
    [
      `pwsh -Command "Invoke-AzVMRunCommand -ResourceGroupName rg -VMName vm1 -CommandId RunShellScript -ScriptPath cleanup.sh"`,
      'rm -rf /var/lib/docker [pwsh -c, Invoke-AzVMRunCommand vm1]',
    ],
    [
      `pwsh -c 'Invoke-AzVmRunCommand -ResourceGroupName rg -VMName vm1 -CommandId RunShellScript -ScriptString "rm -rf /srv"'`,
      'rm -rf /srv [pwsh -c, Invoke-AzVmRunCommand vm1]',
    ],
    [
      `az aks command invoke -g rg -n prod-aks --command 'kubectl delete namespace payments'`,
      'kubectl delete namespace payments [az aks command invoke prod-aks]',
    ],
    [`az container exec -g rg -n api --exec-command 'rm -rf /data'`, 'rm -rf /data [az container exec api]'],
    [`az containerapp exec -g rg -n api --command 'rm -rf /data'`, 'rm -rf /data [az containerapp exec api]'],
    // fail closed: scripts not known here
    [
      `az vm run-command invoke -n vm1 --command-id RunShellScript --scripts @gone.sh`,
      'DYNAMIC sh -c @gone.sh [az vm run-command invoke vm1]',
    ],
    [
      `az vm run-command invoke -n vm1 --command-id RunShellScript --scripts "$SCRIPT"`,
      'DYNAMIC sh -c $SCRIPT [az vm run-command invoke vm1]',
    ],
    [
      `az vm run-command create -n c --vm-name vm1 --script-uri https://example.com/x.sh?sig=FAKESIG`,
      // the evidence names the option, not the URL (it may carry a token)
      'DYNAMIC sh -c the script of --script-uri [az vm run-command create vm1]',
    ],
    // scripts given with a command id not known here are read as the machine's
    [
      `az vm run-command invoke -g rg -n db1 --command-id "$ID" --scripts 'rm -rf /data'`,
      'rm -rf /data [az vm run-command invoke db1]',
    ],
    [
      `az vm run-command invoke -g rg -n db1 --command-id AcmeScript --scripts 'rm -rf /data'`,
      'rm -rf /data [az vm run-command invoke db1]',
    ],
    [
      `az vm run-command invoke -g rg -n db1 --command-id "$ID" --scripts "$S"`,
      'DYNAMIC sh -c $S [az vm run-command invoke db1]',
    ],
    [
      `pwsh -Command "Invoke-AzVMRunCommand -ResourceGroupName rg -VMName vm1 -CommandId Acme -ScriptString 'rm -rf /srv'"`,
      'rm -rf /srv [pwsh -c, Invoke-AzVMRunCommand vm1]',
    ],
  ])('%s', (script, want) => expect(remote(script)).toContain(want));

  it.each<string>([
    `az vm run-command list -g rg --vm-name vm1`,
    `az vm run-command show -g rg --vm-name vm1 -n cleanup`,
    `az vm run-command invoke -g rg -n win1 --command-id IPConfig`,
    `az vm list -g rg`,
    `az aks command result -g rg -n prod-aks --command-id abc`,
    `az container exec -g rg -n api`,
    `pwsh -Command "Get-AzVMRunCommand -ResourceGroupName rg -VMName vm1"`,
  ])('%s sends no command', (script) => expect(remote(script)).toEqual([]));

  it.each<[string, string]>([
    [`az vm run-command invoke -g rg -n vm1 --command-id RunShellScript --scripts 'uptime'`, 'uptime'],
    [`az vm run-command invoke -g rg -n vm1 --command-id "$ID" --scripts 'uptime'`, 'uptime'],
    [
      `az vmss run-command invoke -g rg -n ss --instance-id 0 --command-id RunShellScript --scripts 'systemctl status nginx'`,
      'systemctl status nginx',
    ],
  ])('%s sends only %s', (script, want) =>
    expect(remote(script).map((c) => c.replace(/ \[.*/, ''))).toEqual([want]),
  );
});

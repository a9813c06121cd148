/**
 * Resource-style SDK deletes (src/extract/cloud-sdk-resources.ts): Ruby's cloud SDKs and
 * VMware vSphere's, through the real pipeline and the saas pack; listings stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');

describe('resources deleted through their SDK objects', () => {
  it.each([
    `ruby -raws-sdk-s3 -e 'Aws::S3::Resource.new(region: "eu-west-1").buckets.each { |bk| bk.delete! }'`,
    `ruby -raws-sdk-s3 -e 'Aws::S3::Resource.new.bucket("acme-prod-assets").objects.batch_delete!'`,
    `ruby -e 'require "aws-sdk-ec2"; Aws::EC2::Resource.new.instances(filters: [{name: "tag:env", values: ["prod"]}]).each(&:terminate)'`,
    "cat > /tmp/wipe.rb <<'EOF'\nrequire 'google/cloud/storage'\nbucket = Google::Cloud::Storage.new.bucket 'acme-logs'\nbucket.files.all { |f| f.delete }\nbucket.delete\nEOF\nbundle exec ruby /tmp/wipe.rb",
    `ruby -raws-sdk-s3 -e 'Aws::S3::Bucket.new("acme-prod-logs").clear!'`,
    `ruby -e 'require "fog-aws"; Fog::Compute.new(provider: "AWS").servers.each(&:destroy)'`,
    "python3 - <<'EOF'\nfrom pyVim.connect import SmartConnect\nfrom pyVmomi import vim\nsi = SmartConnect(host='vc.example.net', user='admin', pwd='x')\nfor vm in si.content.rootFolder.childEntity[0].vmFolder.childEntity:\n    vm.Destroy_Task()\nEOF",
    "python3 - <<'EOF'\nfrom pyVmomi import vim\nfrom pyVim.connect import SmartConnect\nvm = find(si, 'prod-db')\nvm.Destroy()\nEOF",
    `ruby -e 'require "rbvmomi"; vim = RbVmomi::VIM.connect(host: "vc"); vm = vim.serviceInstance.find_datacenter.find_vm("web"); vm.Destroy_Task.wait_for_completion'`,
  ])('%s', (s) => expect(saas(s)).toMatch(/^ask /));
});

describe('reads through the same SDKs', () => {
  it.each([
    `ruby -raws-sdk-s3 -e 'Aws::S3::Resource.new(region: "eu-west-1").buckets.each { |bk| puts bk.name }'`,
    `ruby -e 'h = {a: 1}; h.delete(:a); puts h'`,
    `ruby -raws-sdk-s3 -e 'seen = {}; seen.clear; Aws::S3::Resource.new.buckets.each { |b| puts b.name }'`,
    "python3 - <<'EOF'\nfrom pyVim.connect import SmartConnect\nfrom pyVmomi import vim\nsi = SmartConnect(host='vc.example.net', user='ro', pwd='x')\nfor vm in si.content.rootFolder.childEntity[0].vmFolder.childEntity:\n    print(vm.name, vm.runtime.powerState)\nEOF",
  ])('%s', (s) => expect(saas(s)).toBe('allow'));
});

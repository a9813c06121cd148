/**
 * SDKs whose deletes are methods of the resource objects they hand back, read beside the
 * table of cloud-sdk-loads.ts:
 * - Ruby's cloud SDKs in resource style: `Aws::S3::Resource.new.bucket('b').delete!`,
 *   `bucket.objects.batch_delete!`, `ec2.instances(…).each(&:terminate)`, google-cloud-ruby's
 *   `bucket.delete`, `file.delete`, an S3 bucket emptied (`bucket.clear!`), fog's `servers.each(&:destroy)`. Ruby calls a method
 *   without parentheses, with a `!`, and as a block `&:name`; the SDK is loaded by `require`,
 *   by `ruby -raws-sdk-s3`, or named by its namespace (`Aws::EC2::Resource`).
 * - VMware vSphere's SDKs (pyVmomi, rbvmomi, govmomi): a managed object's `Destroy_Task()` /
 *   `Destroy()` deletes the VM, folder or datastore with its disks; `UnregisterVM`,
 *   `DeleteDatastoreFile_Task`, `DeleteVirtualDisk_Task` and the snapshot removals lose
 *   what they name.
 */

/** An SDK of this module: its tool name, how code loads it, and the destroying calls it adds. */
export interface ResourceSdk {
  tool: string;
  loads: RegExp;
  /** Destroying calls beyond the shared verbs (group 1 = the name); absent = none. */
  verbs?: RegExp;
}

/** Destroying verbs of Ruby resource objects, called without parentheses, with `!`, or as `&:name`; `clear` only as `clear!` (a Hash's `clear` empties a value). */
const RUBY_VERBS =
  /(?:\.|&:)((?:[a-z0-9]+_)*(?:delete|destroy|terminate|purge|drop|deregister)(?:_[a-z0-9]+)*|clear(?=!))!?(?![\w?=(])/g;

/** SDKs whose deletes are methods of the resource objects they return: the import that names each, and its delete methods. */
export const RESOURCE_SDKS: ResourceSdk[] = [
  {
    tool: 'aws-sdk',
    loads: /\bAws::[A-Z]\w*|(?:^|\s)-r\s*['"]?aws-sdk/m,
    verbs: RUBY_VERBS,
  },
  {
    tool: 'google-cloud',
    loads: /\bGoogle::Cloud::|\brequire\s*\(?\s*['"]google\/cloud\//,
    verbs: RUBY_VERBS,
  },
  { tool: 'fog', loads: /\bFog::[A-Z]|\brequire\s*\(?\s*['"]fog(?:-[\w-]+)?['"]/, verbs: RUBY_VERBS },
  {
    tool: 'vsphere-sdk',
    loads:
      /\b(?:import|from)\s+(?:pyVmomi|pyVim)\b|\bRbVmomi\b|\brequire\s*\(?\s*['"]rbvmomi['"]|['"]github\.com\/vmware\/govmomi[\w/]*['"]/,
    verbs:
      /\.(Destroy_Task|Destroy|UnregisterVM|DeleteDatastoreFile_Task|DeleteVirtualDisk_Task|RemoveAllSnapshots_Task|RemoveSnapshot_Task|DestroyDatastore)(?![\w])/g,
  },
];

// Like a CMS that inserts content after the scripts ran: a second manager, added late.
setTimeout(() => {
  const manager = document.createElement('kassenzeichen-manager');
  manager.setAttribute('backend-url', '/api');
  document.getElementById('later').append(manager);
}, 300);
